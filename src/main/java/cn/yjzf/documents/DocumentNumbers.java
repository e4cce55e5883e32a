package cn.yjzf.documents;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out document serial numbers per agency, type and year without gaps or duplicates.
 * The increment happens in the caller's transaction under the row lock of {@code document_sequence}: concurrent
 * issuers queue, and a rolled-back issue returns its number. The row itself is created in a separate transaction
 * that tolerates a concurrent creator, so the caller's transaction never sees a failed insert.
 */
@Service
public class DocumentNumbers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    DocumentNumbers(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(txManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(Long agencyId, DocumentType type, int year) {
        if (increment(agencyId, type, year) == 0) {
            createRow(agencyId, type, year);
            if (increment(agencyId, type, year) == 0) {
                throw new IllegalStateException("无法分配文书编号");
            }
        }
        Integer value = jdbc.queryForObject(
                "SELECT last_value FROM document_sequence WHERE agency_id = ? AND doc_type = ? AND doc_year = ?",
                Integer.class, agencyId, type.name(), year);
        return value;
    }

    private int increment(Long agencyId, DocumentType type, int year) {
        return jdbc.update("UPDATE document_sequence SET last_value = last_value + 1 "
                + "WHERE agency_id = ? AND doc_type = ? AND doc_year = ?", agencyId, type.name(), year);
    }

    private void createRow(Long agencyId, DocumentType type, int year) {
        try {
            newTransaction.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO document_sequence (agency_id, doc_type, doc_year, last_value) VALUES (?, ?, ?, 0)",
                    agencyId, type.name(), year));
        } catch (DataIntegrityViolationException alreadyCreatedConcurrently) {
            // another issuer created the row first; our increment will now find it
        }
    }
}
