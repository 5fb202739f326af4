-- The bank simulator's EST v3 gateway shares the simulator_ tables with PayFor (gateway = 'EST',
-- merchant_no = the clientid). EST's callback echoes every field the merchant posted (Email, firmaadi,
-- any field of its own) and signs them all: they are kept as posted, form-encoded, the card fields
-- excepted. The provision names its 3-D request by the MPI's md.
ALTER TABLE simulator_3ds_requests ADD COLUMN echoed TEXT NOT NULL DEFAULT '';
CREATE INDEX simulator_3ds_requests_md ON simulator_3ds_requests (gateway, md) WHERE md IS NOT NULL;
