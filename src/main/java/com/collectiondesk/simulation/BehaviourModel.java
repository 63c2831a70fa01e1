package com.collectiondesk.simulation;

import com.collectiondesk.outreach.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.simulation.behaviour.*}: how a simulated debtor of hidden risk {@code r} (0–1) answers. After a
 * contact on a channel that reaches them, they pay with probability σ({@code contact} + lift of the channel −
 * {@code risk-slope} × r); on any day, contacted or not, with σ({@code self-cure} − {@code risk-slope} × r); σ the
 * logistic function. A call reaches the debtor with probability {@code call-reach} (it counts as a conversation for
 * the contact policy's pause); the other channels always reach. A payment settles everything overdue, or with
 * probability {@code partial-share} only the oldest invoice. README, "Simulation of a strategy".
 */
@ConfigurationProperties("collection.simulation.behaviour")
record BehaviourModel(@DefaultValue("-1.5") double contact,
                      @DefaultValue("4.0") double riskSlope,
                      @DefaultValue("-4.5") double selfCure,
                      @DefaultValue("0.5") double callReach,
                      @DefaultValue("0.3") double partialShare,
                      @DefaultValue Lifts lifts) {

    /** Added to {@code contact} on the logit scale per channel: positive persuades more than an SMS. */
    record Lifts(@DefaultValue("0") double sms, @DefaultValue("-0.5") double email, @DefaultValue("0.3") double letter,
                 @DefaultValue("1.0") double call, @DefaultValue("0.2") double voice) {
    }

    BehaviourModel {
        for (double probability : new double[] {callReach, partialShare}) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("collection.simulation.behaviour: call-reach and partial-share are"
                        + " probabilities from 0 to 1, not " + probability);
            }
        }
    }

    /** The chance that a contact which reached the debtor makes them pay. */
    double paymentAfter(Channel channel, double risk) {
        double lift = switch (channel) {
            case SMS -> lifts.sms();
            case EMAIL -> lifts.email();
            case LETTER -> lifts.letter();
            case CALL -> lifts.call();
            case VOICE -> lifts.voice();
            default -> Double.NEGATIVE_INFINITY; // a hand-over or a service block persuades nobody here
        };
        return logistic(contact + lift - riskSlope * risk);
    }

    /** The chance that the debtor pays on a day of their own accord. */
    double paymentUnprompted(double risk) {
        return logistic(selfCure - riskSlope * risk);
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
