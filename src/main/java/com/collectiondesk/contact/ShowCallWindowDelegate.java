package com.collectiondesk.contact;

import com.collectiondesk.ticket.ProcessTickets;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A call task shows from its creation whether the debtor may be called now, or from when on. */
@Component
class ShowCallWindowDelegate implements TaskListener {

    private final CallWindows windows;
    private final ProcessTickets processTickets;

    ShowCallWindowDelegate(CallWindows windows, ProcessTickets processTickets) {
        this.windows = windows;
        this.processTickets = processTickets;
    }

    @Override
    public void notify(DelegateTask task) {
        windows.show(task, processTickets.idOf(task));
    }
}
