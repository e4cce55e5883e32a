package cn.yjzf.documents;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IssuedDocumentRepository extends JpaRepository<IssuedDocument, Long> {

    List<IssuedDocument> findByOwnerTypeAndOwnerIdOrderById(String ownerType, Long ownerId);
}
