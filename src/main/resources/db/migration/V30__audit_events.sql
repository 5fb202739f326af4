-- [S2] The audit log: one row per state change, written in the change's own transaction. Append-only,
-- twice over: a trigger refuses UPDATE, DELETE and TRUNCATE to everyone (the table's owner included, short
-- of dropping the trigger), and the application's own database user is granted only SELECT and INSERT on
-- it, and owns nothing, so it can neither change events nor alter, disable or drop the table or its trigger.
CREATE TABLE audit_events (
    id          TEXT PRIMARY KEY,
    merchant_id TEXT,
    at          TIMESTAMPTZ NOT NULL,
    actor_type  TEXT NOT NULL CHECK (actor_type IN ('USER', 'API_KEY', 'BANK', 'SYSTEM')),
    actor_name  TEXT NOT NULL,
    address     TEXT,
    action      TEXT NOT NULL,
    object_id   TEXT,
    changes     JSONB NOT NULL DEFAULT '{}'
);
-- ids sort by time (Ids): a merchant's events newest first, and the bank's across merchants
CREATE INDEX audit_events_by_merchant ON audit_events (merchant_id, id);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

-- The application's user (spring.datasource.username), when migrations run as another one (spring.flyway.user,
-- the schema's owner): the data of every table and sequence, now and in later migrations, and of the audit
-- log only reading and adding. With one user for both (a single-user set-up), only the trigger protects the log.
DO $$
DECLARE
    app TEXT := '${application_user}';
BEGIN
    IF app <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', app);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM %I', app);
        EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app);
        -- nor may it make tables of its own (PostgreSQL 15's default; older servers let everyone)
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    END IF;
END
$$;
