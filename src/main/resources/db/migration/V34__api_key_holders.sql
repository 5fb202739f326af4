-- [S3] Four eyes needs to know whose an API key is: a refund asked with a key an admin made is that admin's
-- request, which he may not approve himself. Keys made before this know no holder (NULL).
ALTER TABLE api_keys ADD COLUMN created_by TEXT;
ALTER TABLE refund_requests ADD COLUMN requested_for TEXT;
