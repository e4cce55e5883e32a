package cn.yjzf.organisation;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityPolicyRepository extends JpaRepository<SecurityPolicyRecord, Integer> {
}
