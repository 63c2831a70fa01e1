package com.collectiondesk.hold;

/** Who put the hold on: a manager (API, Cockpit), the ERP (invoice import) or the debtor's dispute on the self-service page. */
public enum HoldSource { MANAGER, ERP, DISPUTE }
