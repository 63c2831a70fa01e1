package com.collectiondesk.scan;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScanRunRepository extends JpaRepository<ScanRun, Long> {
}
