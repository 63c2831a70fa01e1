package com.collectiondesk.outreach;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a step reaches the debtor, by the name the collection-strategy decision, the process ({@code stepChannel})
 * and the database use. What the contact rules and the outreach port need to know about a channel is said here,
 * so a new channel is one constant plus its transport. {@link #ESCALATE} is the strategy's hand-over to a
 * supervisor and {@link #BLOCK_SERVICE} a service stop in the ERP: steps, not contacts.
 */
public enum Channel {

    // declaration order is the order decision errors list the channels in
    SMS(Reach.WRITTEN, true),
    EMAIL(Reach.WRITTEN, true),
    CALL(Reach.SPOKEN, false),
    LETTER(Reach.WRITTEN, true),
    VOICE(Reach.SPOKEN, true),
    ESCALATE(Reach.NONE, false),
    /** The ERP is told to block the debtor's service (new orders, delivery) until the ticket closes: a step, not a contact. */
    BLOCK_SERVICE(Reach.NONE, false);

    /** The channels the outreach port sends, each through the transport configured for it. */
    public static final Set<Channel> AUTOMATED = Collections.unmodifiableSet(
            Arrays.stream(values()).filter(Channel::automated).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class))));

    private enum Reach { WRITTEN, SPOKEN, NONE }

    private final Reach reach;
    private final boolean automated;

    Channel(Reach reach, boolean automated) {
        this.reach = reach;
        this.automated = automated;
    }

    /** Reminders in writing: they share the debtor's written-reminder budget. */
    public boolean written() {
        return reach == Reach.WRITTEN;
    }

    /** Calls, by a collector or automated: they share the call budget and pause after a conversation. */
    public boolean spoken() {
        return reach == Reach.SPOKEN;
    }

    /** Sent by the outreach port through a transport (not a collector's call, not an escalation). */
    public boolean automated() {
        return automated;
    }

    /**
     * The way the process takes for a step of this channel (its variable {@code stepRoute}): {@code MESSAGE} for every
     * channel the outreach port sends, so a new automated channel needs no change to the BPMN; else the name.
     */
    public String route() {
        return automated ? "MESSAGE" : name();
    }

    /** Reaches the debtor when sent, so contact hours apply; letters go into the print batch at any time. */
    public boolean timed() {
        return this != LETTER && contact();
    }

    /** Reaches the debtor at all (not an escalation or a service stop), so the contact rules apply. */
    public boolean contact() {
        return reach != Reach.NONE;
    }

    /** The channel with this exact name, as stored and as the decision tables write it. */
    public static Optional<Channel> named(String name) {
        return Arrays.stream(values()).filter(channel -> channel.name().equals(name)).findFirst();
    }

    /** Every name, in declaration order, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Channel::name).toList();
    }
}
