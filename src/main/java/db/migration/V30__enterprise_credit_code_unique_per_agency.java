package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A credit code is unique per agency, not across the whole database: a global constraint made registration answer
 * "already registered" for an enterprise another agency keeps, which told an officer about records outside their
 * jurisdiction (docs/security.md). Java rather than SQL because V1 left the constraint unnamed and H2 and
 * PostgreSQL name it differently; the name is looked up in information_schema, which both provide.
 */
public class V30__enterprise_credit_code_unique_per_agency extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                select tc.constraint_name from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
                where lower(tc.table_name) = 'enterprise' and tc.constraint_type = 'UNIQUE'
                  and lower(k.column_name) = 'credit_code' and tc.table_schema = current_schema()""");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("alter table enterprise drop constraint \"" + name.replace("\"", "") + "\"");
            }
            s.execute("alter table enterprise add constraint uq_enterprise_agency_credit_code unique (agency_id, credit_code)");
        }
    }
}
