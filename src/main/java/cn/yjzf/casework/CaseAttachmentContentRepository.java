package cn.yjzf.casework;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAttachmentContentRepository extends JpaRepository<CaseAttachmentContent, Long> {
}
