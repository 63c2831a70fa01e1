package com.collectiondesk.outreach;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Phone numbers go to providers in E.164 only; the ledger stores them so, this re-checks before a send. */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    static String requireE164(String phone) {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("phone: the debtor has no phone number");
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            var parsed = util.parse(phone, null);
            if (!util.isValidNumber(parsed)) {
                throw new IllegalArgumentException("phone: not a valid number in its numbering plan");
            }
            return util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("phone: not an international (E.164) number", e);
        }
    }
}
