package com.linkpos.audit;

import com.linkpos.platform.Caller;
import com.linkpos.shared.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * [S2] Where every state change is written down. Call it inside the transaction of the change itself:
 * the event commits with the change or not at all. Append-only: there is no method to change or remove
 * an event, and the database refuses the application's own user both (V30).
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A change made by whoever is calling now (the portal user or API key of this request); LinkPOS itself
     * ({@code SYSTEM}) outside any request.
     */
    public void record(String action, String merchantId, String objectId, Changes changes) {
        record(Caller.current().map(Actor::of).orElse(Actor.system("linkpos")), action, merchantId, objectId, changes);
    }

    /** A change made on behalf of {@code actor} (a worker finishing a user's upload, a login, a job). */
    public void record(Actor actor, String action, String merchantId, String objectId, Changes changes) {
        jdbc.sql("""
                        INSERT INTO audit_events (id, merchant_id, at, actor_type, actor_name, address, action, object_id, changes)
                        VALUES (:id, :merchant, :at, :actorType, :actorName, :address, :action, :object, CAST(:changes AS jsonb))""")
                .param("id", Ids.newId("aud")).param("merchant", merchantId).param("at", Timestamp.from(clock.instant()))
                .param("actorType", actor.type().name()).param("actorName", actor.name()).param("address", address())
                .param("action", action).param("object", objectId)
                .param("changes", json.writeValueAsString(changes.values())).update();
    }

    /** The address the request came from: the connection's peer (behind a proxy, as its forwarded-headers setting says). */
    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
