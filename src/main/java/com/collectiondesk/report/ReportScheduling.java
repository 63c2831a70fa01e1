package com.collectiondesk.report;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the daily bucket snapshot ({@link BucketSnapshots#takeToday()}). */
@Configuration
@EnableScheduling
class ReportScheduling {
}
