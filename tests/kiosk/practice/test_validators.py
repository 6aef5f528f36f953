"""The practice validators: what real French sites accept, and the exact mistake code for the rest."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.content import field_kinds
from kiosk.content.field_kinds import MISTAKE_CODES, FieldKind, PasswordRules
from kiosk.practice.validators import check, check_upload, email_suggestion, normalized

TODAY = date(2026, 5, 15)
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"  # what a French number formatter puts between thousands

# (kind, typed value, expected code or None). Every code of MISTAKE_CODES appears at least once.
CASES: list[tuple[FieldKind, str, str | None]] = [
    # Numéro de sécurité sociale
    (FieldKind.NIR, "185057800608491", None),
    (FieldKind.NIR, "1 85 05 78 006 084 91", None),  # copied from the carte Vitale, with its spaces
    (FieldKind.NIR, f"1{NBSP}85{NBSP}05{NBSP}78{NBSP}006{NBSP}084{NBSP}91", None),  # pasted from a PDF
    (FieldKind.NIR, "  185057800608491  ", None),
    (FieldKind.NIR, "1.85.05.78.006.084.91", None),
    (FieldKind.NIR, "2 86 03 75 112 047 02", None),  # the practice person's
    (FieldKind.NIR, "2 53 07 2A 073 004 43", None),  # born in Corse-du-Sud: 2A counts as 19 for the key
    (FieldKind.NIR, "2 53 07 2B 073 004 70", None),  # born in Haute-Corse: 2B counts as 18
    (FieldKind.NIR, "2 53 07 2a 073 004 43", None),  # lower case a
    (FieldKind.NIR, "2 53 07 20 073 004 16", None),  # born in Corsica before 1976: department 20
    (FieldKind.NIR, "7 85 05 78 006 084 82", None),  # provisional number (7, 8)
    (FieldKind.NIR, "3 85 05 78 006 084 88", None),  # 3 and 4 are sexes too
    (FieldKind.NIR, "1 85 20 99 350 001 03", None),  # month 20: birth month unknown
    (FieldKind.NIR, "1 85 42 99 350 001 64", None),  # month 42
    (FieldKind.NIR, "1 85 50 99 350 001 95", None),  # month 50
    (FieldKind.NIR, "1 85 05 78 006 084 36", "nir.key"),  # one digit wrong somewhere
    (FieldKind.NIR, "1 85 05 78 006 048 91", "nir.key"),  # two digits swapped
    (FieldKind.NIR, "2 53 07 2A 073 004 70", "nir.key"),  # 2A with the 2B key
    (FieldKind.NIR, "2 53 07 2B 073 004 43", "nir.key"),
    (FieldKind.NIR, "1 85 05 78 006 084", "nir.length"),  # the key forgotten
    (FieldKind.NIR, "1 85 05 78 006 084 911", "nir.length"),
    (FieldKind.NIR, "1 85 O5 78 006 084 91", "nir.letters"),  # letter O for zero
    (FieldKind.NIR, "1 85 05 78 OO6 084 91", "nir.letters"),
    (FieldKind.NIR, "1 85 05 78 006 084 9l", "nir.letters"),  # letter l for one
    (FieldKind.NIR, "2 53 07 2C 073 004 43", "nir.letters"),  # only 2A and 2B exist
    (FieldKind.NIR, "2 53 0A 72 073 004 43", "nir.letters"),  # A out of the department's place
    (FieldKind.NIR, "1/85/05/78/006/084/91", "nir.letters"),
    (FieldKind.NIR, "5 85 05 78 006 084 91", "nir.sex"),
    (FieldKind.NIR, "0 85 05 78 006 084 91", "nir.sex"),
    (FieldKind.NIR, "1 85 13 78 006 084 91", "nir.month"),
    (FieldKind.NIR, "1 85 00 78 006 084 91", "nir.month"),
    (FieldKind.NIR, "1 85 45 78 006 084 91", "nir.month"),
    # Numéro fiscal
    (FieldKind.TAX_NUMBER, "3023217600053", None),
    (FieldKind.TAX_NUMBER, "30 23 217 600 053", None),  # grouped as on the avis d'impôt
    (FieldKind.TAX_NUMBER, f"30{NBSP}23{NBSP}217{NBSP}600{NBSP}053 ", None),
    (FieldKind.TAX_NUMBER, "0123456789211", None),  # may start with 0
    (FieldKind.TAX_NUMBER, "1000000000083", None),
    (FieldKind.TAX_NUMBER, "3012345678167", None),
    (FieldKind.TAX_NUMBER, "3023217600054", "tax_number.key"),
    (FieldKind.TAX_NUMBER, "3012345678901", "tax_number.key"),
    (FieldKind.TAX_NUMBER, "3023271600053", "tax_number.key"),  # two digits swapped
    (FieldKind.TAX_NUMBER, "302321760005", "tax_number.length"),
    (FieldKind.TAX_NUMBER, "30232176000530", "tax_number.length"),
    (FieldKind.TAX_NUMBER, "9701987765432", "tax_number.start"),
    (FieldKind.TAX_NUMBER, "4023217600053", "tax_number.start"),
    (FieldKind.TAX_NUMBER, "30232176OOO53", "tax_number.letters"),
    (FieldKind.TAX_NUMBER, "FR3023217600053", "tax_number.letters"),
    # Numéro d'allocataire CAF
    (FieldKind.CAF_NUMBER, "1234567", None),
    (FieldKind.CAF_NUMBER, "0000354", None),  # printed with its zeros
    (FieldKind.CAF_NUMBER, "354", None),  # or without them
    (FieldKind.CAF_NUMBER, " 123 4567 ", None),
    (FieldKind.CAF_NUMBER, "12345678", "caf_number.length"),
    (FieldKind.CAF_NUMBER, "286037511204702", "caf_number.length"),  # the social security number instead
    (FieldKind.CAF_NUMBER, "123456A", "caf_number.letters"),
    (FieldKind.CAF_NUMBER, "n° 1234567", "caf_number.letters"),
    # Identifiant France Travail
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567A", None),  # old format: 7 digits and a letter
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567a", None),
    (FieldKind.FRANCE_TRAVAIL_ID, "12345678", None),  # ... or a digit
    (FieldKind.FRANCE_TRAVAIL_ID, "12345678901", None),  # new national format: 11 digits
    (FieldKind.FRANCE_TRAVAIL_ID, "123 456 789 01", None),
    (FieldKind.FRANCE_TRAVAIL_ID, " 1234567A ", None),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567", "france_travail_id.length"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567AB", "france_travail_id.length"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567890", "france_travail_id.length"),
    (FieldKind.FRANCE_TRAVAIL_ID, "A1234567", "france_travail_id.format"),
    (FieldKind.FRANCE_TRAVAIL_ID, "123456AB", "france_travail_id.format"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567É", "france_travail_id.format"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567890A", "france_travail_id.format"),
    (FieldKind.FRANCE_TRAVAIL_ID, "1234567/", "france_travail_id.format"),
    # IBAN
    (FieldKind.IBAN, "FR7630006000011234567890189", None),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 189", None),  # grouped by 4 as on the RIB
    (FieldKind.IBAN, "fr76 3000 6000 0112 3456 7890 189", None),  # lower case
    (FieldKind.IBAN, f"FR76{NBSP}3000{NBSP}6000{NBSP}0112{NBSP}3456{NBSP}7890{NBSP}189", None),
    (FieldKind.IBAN, "FR14 2004 1010 0505 0001 3M02 606", None),  # letters inside the account number
    (FieldKind.IBAN, "FR76 9999 9000 0112 3456 7890 152", None),  # the practice person's
    (FieldKind.IBAN, "DE89 3704 0044 0532 0130 00", None),  # SEPA accounts must be taken too
    (FieldKind.IBAN, "BE68 5390 0754 7034", None),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 198", "iban.key"),
    (FieldKind.IBAN, "FR67 3000 6000 0112 3456 7890 189", "iban.key"),
    (FieldKind.IBAN, "FR76 3OOO 6OOO 0112 3456 7890 189", "iban.key"),  # letter O for zero
    (FieldKind.IBAN, "FRAB 3000 6000 0112 3456 7890 189", "iban.key"),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 18", "iban.length"),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 1899", "iban.length"),
    (FieldKind.IBAN, "30006 00001 12345678901 89", "iban.country"),  # the RIB without FR76
    (FieldKind.IBAN, "TN59 1000 6035 1835 9847 8831", "iban.country"),  # an IBAN, but outside SEPA
    (FieldKind.IBAN, "XX76 3000 6000 0112 3456 7890 189", "iban.country"),
    (FieldKind.IBAN, "FR76 3000 6000 0112 3456 7890 18*", "iban.characters"),
    (FieldKind.IBAN, "FR76_3000_6000_0112_3456_7890_189", "iban.characters"),
    # E-mail
    (FieldKind.EMAIL, "jean.dupont@gmail.com", None),
    (FieldKind.EMAIL, "  jean.dupont@gmail.com  ", None),
    (FieldKind.EMAIL, "Jean.Dupont@Gmail.COM", None),
    (FieldKind.EMAIL, "jean.dupont@yahoo.fr", None),
    (FieldKind.EMAIL, "jean.dupont@orange.fr", None),
    (FieldKind.EMAIL, "jean.dupont@wanadoo.fr", None),
    (FieldKind.EMAIL, "jean.dupont@outlook.fr", None),
    (FieldKind.EMAIL, "jean.dupont@hotmail.fr", None),
    (FieldKind.EMAIL, "jean.dupont@hotmail.com", None),
    (FieldKind.EMAIL, "jean.dupont@laposte.net", None),
    (FieldKind.EMAIL, "jean.dupont@free.fr", None),
    (FieldKind.EMAIL, "jean.dupont@sfr.fr", None),
    (FieldKind.EMAIL, "jean.dupont@ymail.com", None),  # one letter from gmail, and real
    (FieldKind.EMAIL, "jean.dupont@mail.com", None),
    (FieldKind.EMAIL, "jean.dupont@hotmail.de", None),  # another country's Hotmail
    (FieldKind.EMAIL, "jean+caf@etu.univ-rennes2.fr", None),
    (FieldKind.EMAIL, "o'brien@example.org", None),
    (FieldKind.EMAIL, "camille.martin@exercice.simulation", None),  # the practice mailbox
    (FieldKind.EMAIL, "jean.dupont@gmial.com", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@gmai.com", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@gmail.fr", "email.domain_typo"),  # Gmail has no .fr
    (FieldKind.EMAIL, "jean.dupont@gmail.con", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@gmail.co", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@hotmial.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@hotmail.con", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@yahooo.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@ornage.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@wanado.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@outlok.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@laposte.fr", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@orange.ft", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupont@exemple.con", "email.domain_typo"),
    (FieldKind.EMAIL, "jean.dupontgmail.com", "email.no_at"),
    (FieldKind.EMAIL, "jean.dupont", "email.no_at"),
    (FieldKind.EMAIL, "jean dupont@gmail.com", "email.space"),
    (FieldKind.EMAIL, "jean.dupont@gmail. com", "email.space"),
    (FieldKind.EMAIL, f"jean.dupont@gmail.com{NBSP}x", "email.space"),
    (FieldKind.EMAIL, "jean.dupont@", "email.no_domain"),
    (FieldKind.EMAIL, "jean.dupont@gmail", "email.no_domain"),
    (FieldKind.EMAIL, "élodie.martin@orange.fr", "email.accent"),
    (FieldKind.EMAIL, "francois@orangé.fr", "email.accent"),
    (FieldKind.EMAIL, "françois@gmail.com", "email.accent"),
    (FieldKind.EMAIL, "jean@@gmail.com", "email.format"),
    (FieldKind.EMAIL, "@gmail.com", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@gmail,com", "email.format"),
    (FieldKind.EMAIL, ".jean@gmail.com", "email.format"),
    (FieldKind.EMAIL, "jean..dupont@gmail.com", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@gmail.com.", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@-gmail.com", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@gmail.c", "email.format"),
    (FieldKind.EMAIL, "jean.dupont@gmail.123", "email.format"),
    (FieldKind.EMAIL, "jean(dupont)@gmail.com", "email.format"),
    # Mobile phone
    (FieldKind.MOBILE_PHONE, "0612345678", None),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 78", None),
    (FieldKind.MOBILE_PHONE, "06.12.34.56.78", None),
    (FieldKind.MOBILE_PHONE, "06-12-34-56-78", None),
    (FieldKind.MOBILE_PHONE, f"06{NBSP}12{NBSP}34{NBSP}56{NBSP}78", None),
    (FieldKind.MOBILE_PHONE, "07 81 23 45 67", None),
    (FieldKind.MOBILE_PHONE, "07 31 23 45 67", None),
    (FieldKind.MOBILE_PHONE, "+33 6 12 34 56 78", None),
    (FieldKind.MOBILE_PHONE, "+33612345678", None),
    (FieldKind.MOBILE_PHONE, "0033 6 12 34 56 78", None),
    (FieldKind.MOBILE_PHONE, "+33 (0)6 12 34 56 78", None),
    (FieldKind.MOBILE_PHONE, "+262 692 12 34 56", None),  # Réunion mobile
    (FieldKind.MOBILE_PHONE, "06 39 98 12 34", None),  # the practice person's
    (FieldKind.MOBILE_PHONE, "01 23 45 67 89", "phone.not_mobile"),
    (FieldKind.MOBILE_PHONE, "09 51 23 45 67", "phone.not_mobile"),
    (FieldKind.MOBILE_PHONE, "+33 1 23 45 67 89", "phone.not_mobile"),
    (FieldKind.MOBILE_PHONE, "08 00 12 34 56", "phone.not_mobile"),
    (FieldKind.MOBILE_PHONE, "07 01 23 45 67", "phone.format"),  # 070 to 072 are not mobile numbers
    (FieldKind.MOBILE_PHONE, "07 21 23 45 67", "phone.format"),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 7", "phone.length"),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 789", "phone.length"),
    (FieldKind.MOBILE_PHONE, "6 12 34 56 78", "phone.length"),  # the 0 forgotten
    (FieldKind.MOBILE_PHONE, "+33 06 12 34 56 78", "phone.extra_zero"),
    (FieldKind.MOBILE_PHONE, "0033 06 12 34 56 78", "phone.extra_zero"),
    (FieldKind.MOBILE_PHONE, "+32 470 12 34 56", "phone.foreign"),
    (FieldKind.MOBILE_PHONE, "+212 6 12 34 56 78", "phone.foreign"),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 7B", "phone.format"),
    (FieldKind.MOBILE_PHONE, "+ 33 six", "phone.format"),
    (FieldKind.MOBILE_PHONE, "1612345678", "phone.format"),
    # Any phone
    (FieldKind.PHONE, "06 12 34 56 78", None),
    (FieldKind.PHONE, "01 23 45 67 89", None),
    (FieldKind.PHONE, "02 99 12 34 56", None),
    (FieldKind.PHONE, "05 90 12 34 56", None),
    (FieldKind.PHONE, "09 51 23 45 67", None),
    (FieldKind.PHONE, "+33 2 99 12 34 56", None),
    (FieldKind.PHONE, "+590 590 12 34 56", None),  # Guadeloupe landline
    (FieldKind.PHONE, "08 00 12 34 56", "phone.format"),  # a service number, not a person's
    (FieldKind.PHONE, "00 12 34 56 78", "phone.foreign"),
    (FieldKind.PHONE, "02 99 12 34 5", "phone.length"),
    (FieldKind.PHONE, "+33 02 99 12 34 56", "phone.extra_zero"),
    # Postal code
    (FieldKind.POSTAL_CODE, "35000", None),
    (FieldKind.POSTAL_CODE, "01000", None),
    (FieldKind.POSTAL_CODE, "75 001", None),
    (FieldKind.POSTAL_CODE, " 95000 ", None),
    (FieldKind.POSTAL_CODE, "20000", None),  # Ajaccio: Corsica's postal codes start with 20
    (FieldKind.POSTAL_CODE, "20200", None),  # Bastia
    (FieldKind.POSTAL_CODE, "97100", None),  # Guadeloupe
    (FieldKind.POSTAL_CODE, "97133", None),  # Saint-Barthélemy
    (FieldKind.POSTAL_CODE, "97400", None),  # La Réunion
    (FieldKind.POSTAL_CODE, "97500", None),  # Saint-Pierre-et-Miquelon
    (FieldKind.POSTAL_CODE, "97600", None),  # Mayotte
    (FieldKind.POSTAL_CODE, "98000", None),  # Monaco
    (FieldKind.POSTAL_CODE, "98600", None),  # Wallis-et-Futuna
    (FieldKind.POSTAL_CODE, "98714", None),  # Papeete
    (FieldKind.POSTAL_CODE, "98800", None),  # Nouméa
    (FieldKind.POSTAL_CODE, "2A000", "postal_code.corsica"),
    (FieldKind.POSTAL_CODE, "2b200", "postal_code.corsica"),
    (FieldKind.POSTAL_CODE, "3500", "postal_code.length"),
    (FieldKind.POSTAL_CODE, "350000", "postal_code.length"),
    (FieldKind.POSTAL_CODE, "35OOO", "postal_code.letters"),
    (FieldKind.POSTAL_CODE, "F-35000", "postal_code.letters"),
    (FieldKind.POSTAL_CODE, "00100", "postal_code.department"),
    (FieldKind.POSTAL_CODE, "96000", "postal_code.department"),
    (FieldKind.POSTAL_CODE, "97700", "postal_code.department"),
    (FieldKind.POSTAL_CODE, "98100", "postal_code.department"),
    (FieldKind.POSTAL_CODE, "99000", "postal_code.department"),
    # Date
    (FieldKind.DATE, "14/03/2026", None),
    (FieldKind.DATE, "29/02/2024", None),  # 2024 is a leap year
    (FieldKind.DATE, "29/02/2000", None),  # 2000 too (divisible by 400)
    (FieldKind.DATE, "1/3/2026", None),
    (FieldKind.DATE, "14-03-2026", None),
    (FieldKind.DATE, "14.03.2026", None),
    (FieldKind.DATE, "14 03 2026", None),
    (FieldKind.DATE, "14 / 03 / 2026", None),
    (FieldKind.DATE, "14032026", None),  # typed without the slashes
    (FieldKind.DATE, " 14/03/2026 ", None),
    (FieldKind.DATE, "01/01/1900", None),
    (FieldKind.DATE, "31/12/2100", None),
    (FieldKind.DATE, "01/01/2030", None),  # a plain date may be in the future
    (FieldKind.DATE, "29/02/2023", "date.impossible"),  # 2023 is not a leap year
    (FieldKind.DATE, "29/02/1900", "date.impossible"),  # 1900 was not one either
    (FieldKind.DATE, "31/02/2024", "date.impossible"),
    (FieldKind.DATE, "31/04/2024", "date.impossible"),
    (FieldKind.DATE, "00/03/2024", "date.impossible"),
    (FieldKind.DATE, "14/13/2024", "date.impossible"),
    (FieldKind.DATE, "03/14/2024", "date.impossible"),  # month and day swapped (American order)
    (FieldKind.DATE, "14/03/86", "date.short_year"),
    (FieldKind.DATE, "140386", "date.short_year"),
    (FieldKind.DATE, "2024-03-14", "date.format"),  # year first
    (FieldKind.DATE, "14/03/986", "date.format"),
    (FieldKind.DATE, "14 mars 2024", "date.format"),
    (FieldKind.DATE, "14/03", "date.format"),
    (FieldKind.DATE, "31/12/1899", "date.too_old"),
    (FieldKind.DATE, "01/01/0000", "date.too_old"),
    (FieldKind.DATE, "01/01/2101", "date.too_far"),
    (FieldKind.DATE, "14/03/2204", "date.too_far"),
    # Birth date (today is 15/05/2026)
    (FieldKind.BIRTH_DATE, "14/03/1986", None),  # the practice person's
    (FieldKind.BIRTH_DATE, "15/05/2026", None),  # born today
    (FieldKind.BIRTH_DATE, "01/01/1900", None),
    (FieldKind.BIRTH_DATE, "16/05/2026", "date.future"),
    (FieldKind.BIRTH_DATE, "14/03/2086", "date.future"),
    (FieldKind.BIRTH_DATE, "14/03/2186", "date.future"),
    (FieldKind.BIRTH_DATE, "14/03/1886", "date.too_old"),
    (FieldKind.BIRTH_DATE, "31/06/1986", "date.impossible"),
    (FieldKind.BIRTH_DATE, "14/03/86", "date.short_year"),
    (FieldKind.BIRTH_DATE, "14 03 1986 ", None),
    # Amount
    (FieldKind.AMOUNT, "1234,56", None),
    (FieldKind.AMOUNT, "1 234,56", None),
    (FieldKind.AMOUNT, f"1{NBSP}234,56", None),
    (FieldKind.AMOUNT, f"1{NARROW_NBSP}234,56", None),
    (FieldKind.AMOUNT, "1 234 567", None),
    (FieldKind.AMOUNT, "1234", None),
    (FieldKind.AMOUNT, "0", None),
    (FieldKind.AMOUNT, "0,5", None),
    (FieldKind.AMOUNT, "612,40", None),
    (FieldKind.AMOUNT, " 612,40 ", None),
    (FieldKind.AMOUNT, "612,40 €", None),
    (FieldKind.AMOUNT, "612,40€", None),
    (FieldKind.AMOUNT, "€ 612", None),
    (FieldKind.AMOUNT, "612 euros", None),
    (FieldKind.AMOUNT, "1234.56", "amount.decimal_point"),
    (FieldKind.AMOUNT, "1 234.5", "amount.decimal_point"),
    (FieldKind.AMOUNT, "0.50 €", "amount.decimal_point"),
    (FieldKind.AMOUNT, "1.234,56", "amount.format"),  # a dot between thousands
    (FieldKind.AMOUNT, "1,234.56", "amount.format"),  # the English way
    (FieldKind.AMOUNT, "1.234", "amount.format"),
    (FieldKind.AMOUNT, "12 34", "amount.format"),  # spaces in the wrong place
    (FieldKind.AMOUNT, "1234,", "amount.format"),
    (FieldKind.AMOUNT, ",50", "amount.format"),
    (FieldKind.AMOUNT, "douze", "amount.format"),
    (FieldKind.AMOUNT, "12,50,3", "amount.format"),
    (FieldKind.AMOUNT, "-50", "amount.negative"),
    (FieldKind.AMOUNT, "\u221250,00", "amount.negative"),  # the minus sign from a PDF
    (FieldKind.AMOUNT, "- 1 234,56 €", "amount.negative"),
    (FieldKind.AMOUNT, "1234,567", "amount.cents"),
    (FieldKind.AMOUNT, "0,001", "amount.cents"),
    # Text
    (FieldKind.TEXT, "Camille", None),
    (FieldKind.TEXT, "x", None),
    (FieldKind.TEXT, "12 rue des Lilas", None),
]
EMPTY_VALUES = ["", " ", "   ", NBSP, f" {NBSP}\t{NARROW_NBSP} "]

SITE_RULES = PasswordRules(min_length=8, max_length=20, needs_lower=True, needs_upper=True, needs_digit=True)
PASSWORD_CASES: list[tuple[PasswordRules, str, str | None]] = [
    (SITE_RULES, "Exercice-2026", None),
    (SITE_RULES, "Abcdefg1", None),  # exactly 8
    (SITE_RULES, "Abcdefghijklmnopqrs1", None),  # exactly 20
    (SITE_RULES, "Été2026abc", None),  # accented capitals count as capitals
    (SITE_RULES, "Abcdef1", "password.too_short"),
    (SITE_RULES, "Abcdefghijklmnopqrst1", "password.too_long"),
    (SITE_RULES, "ABCDEFG1", "password.needs_lower"),
    (SITE_RULES, "abcdefg1", "password.needs_upper"),
    (SITE_RULES, "Abcdefgh", "password.needs_digit"),
    (SITE_RULES, "Abc1", "password.too_short"),  # the length is said first
    (PasswordRules(8, 50, needs_special=True), "motdepasse!", None),
    (PasswordRules(8, 50, needs_special=True), "mot de passe", None),  # a space is a special sign
    (PasswordRules(8, 50, needs_special=True), "motdepasse", "password.needs_special"),
    (PasswordRules(8, 50, needs_special=True), "motdepasse2026", "password.needs_special"),
    (PasswordRules(8, 8, digits_only=True), "12345678", None),  # a code made of digits (old CAF code)
    (PasswordRules(8, 8, digits_only=True), "1234567a", "password.digits_only"),
    (PasswordRules(8, 8, digits_only=True), "1234 678", "password.digits_only"),
    (PasswordRules(8, 8, digits_only=True), "1234567", "password.too_short"),
    (PasswordRules(12, 50, True, True, True, True), "Exercice-2026", None),
    (PasswordRules(12, 50, True, True, True, True), "Exercice2026", "password.needs_special"),
]

UPLOAD_CASES: list[tuple[str, int, tuple[str, ...], int, str | None]] = [
    ("justificatif.pdf", 120_000, ("pdf", "jpg", "png"), 2_000_000, None),
    ("IMG_2041.JPG", 1_500_000, ("pdf", "jpg", "png"), 2_000_000, None),  # upper-case extension
    ("photo.jpg", 2_000_000, (".jpg",), 2_000_000, None),  # exactly the limit; dotted extension list
    ("scan.PDF", 10, (".PDF",), 2_000_000, None),
    ("IMG_2041.HEIC", 1_500_000, ("pdf", "jpg", "png"), 2_000_000, "upload.type"),  # an iPhone photo
    ("photo.jpeg", 1_500_000, ("jpg",), 2_000_000, "upload.type"),  # the site lists only jpg
    ("scan.pdf.exe", 1_500, ("pdf",), 2_000_000, "upload.type"),
    ("justificatif", 1_500, ("pdf",), 2_000_000, "upload.type"),
    (".pdf", 1_500, ("pdf",), 2_000_000, "upload.type"),
    ("document.docx", 0, ("pdf",), 2_000_000, "upload.type"),  # the type is said first
    ("justificatif.pdf", 0, ("pdf",), 2_000_000, "upload.empty"),
    ("justificatif.pdf", 2_000_001, ("pdf",), 2_000_000, "upload.size"),
    ("IMG_2041.jpg", 8_400_000, ("jpg", "pdf"), 5 * 1024 * 1024, "upload.size"),
]


@pytest.mark.parametrize(("kind", "value", "expected"), CASES)
def test_check(kind: FieldKind, value: str, expected: str | None) -> None:
    assert check(kind, value, today=TODAY) == expected


@pytest.mark.parametrize("kind", list(FieldKind))
@pytest.mark.parametrize("value", EMPTY_VALUES)
def test_nothing_typed_is_empty_for_every_kind(kind: FieldKind, value: str) -> None:
    assert check(kind, value, today=TODAY, password_rules=SITE_RULES) == "empty"


@pytest.mark.parametrize(("rules", "value", "expected"), PASSWORD_CASES)
def test_password(rules: PasswordRules, value: str, expected: str | None) -> None:
    assert check(FieldKind.PASSWORD, value, password_rules=rules) == expected


def test_a_password_field_needs_rules() -> None:
    with pytest.raises(ValueError):
        check(FieldKind.PASSWORD, "Exercice-2026")


@pytest.mark.parametrize(("file_name", "size", "accepted", "max_bytes", "expected"), UPLOAD_CASES)
def test_check_upload(
    file_name: str, size: int, accepted: tuple[str, ...], max_bytes: int, expected: str | None
) -> None:
    assert check_upload(file_name, size, accepted, max_bytes) == expected


@pytest.mark.parametrize(("size", "max_bytes"), [(-1, 100), (10, 0), (10, -5)])
def test_check_upload_refuses_impossible_sizes(size: int, max_bytes: int) -> None:
    with pytest.raises(ValueError):
        check_upload("a.pdf", size, ["pdf"], max_bytes)


def test_a_birth_date_is_compared_with_the_day_given() -> None:
    assert check(FieldKind.BIRTH_DATE, "16/05/2026", today=date(2026, 5, 15)) == "date.future"
    assert check(FieldKind.BIRTH_DATE, "16/05/2026", today=date(2026, 5, 16)) is None


def test_a_birth_date_defaults_to_the_machine_date() -> None:
    assert check(FieldKind.BIRTH_DATE, "01/01/2099") == "date.future"
    assert check(FieldKind.BIRTH_DATE, "01/01/1990") is None


def test_kinds_are_taken_as_plain_strings_too() -> None:
    assert check(FieldKind("nir"), "1 85 05 78 006 084 91") is None
    assert check("iban", "FR76 3000 6000 0112 3456 7890 198") == "iban.key"  # type: ignore[arg-type]


def test_every_mistake_code_is_reached_by_a_case_and_documented() -> None:
    reached = {expected for _, _, expected in CASES if expected}
    reached |= {expected for _, _, expected in PASSWORD_CASES if expected}
    reached |= {expected for *_, expected in UPLOAD_CASES if expected}
    reached.add("empty")
    assert reached == MISTAKE_CODES
    doc = field_kinds.__doc__ or ""
    assert all(f"``{code}``" in doc for code in MISTAKE_CODES)


def test_mistake_codes_are_dotted_after_their_kind() -> None:
    prefixes = {kind.value for kind in FieldKind} | {"phone", "date", "upload"}
    for code in MISTAKE_CODES - {"empty"}:
        prefix, _, what = code.partition(".")
        assert prefix in prefixes and what, code


def test_the_kinds_keep_their_names() -> None:
    assert {kind.name: kind.value for kind in FieldKind} == {
        "TEXT": "text",
        "NIR": "nir",
        "TAX_NUMBER": "tax_number",
        "CAF_NUMBER": "caf_number",
        "FRANCE_TRAVAIL_ID": "france_travail_id",
        "IBAN": "iban",
        "EMAIL": "email",
        "MOBILE_PHONE": "mobile_phone",
        "PHONE": "phone",
        "POSTAL_CODE": "postal_code",
        "DATE": "date",
        "BIRTH_DATE": "birth_date",
        "AMOUNT": "amount",
        "PASSWORD": "password",
    }


NORMALIZED_CASES: list[tuple[FieldKind, str, str]] = [
    (FieldKind.NIR, "1 85 05 78 006 084 91", "185057800608491"),
    (FieldKind.NIR, f"2{NBSP}53 07 2a 073 004 43", "253072A07300443"),
    (FieldKind.TAX_NUMBER, "30 23 217 600 053", "3023217600053"),
    (FieldKind.CAF_NUMBER, "354", "0000354"),
    (FieldKind.CAF_NUMBER, "0000354", "0000354"),
    (FieldKind.CAF_NUMBER, " 123 4567 ", "1234567"),
    (FieldKind.FRANCE_TRAVAIL_ID, " 1234567a ", "1234567A"),
    (FieldKind.FRANCE_TRAVAIL_ID, "123 456 789 01", "12345678901"),
    (FieldKind.IBAN, "fr76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
    (FieldKind.EMAIL, "  Jean.Dupont@Gmail.COM ", "jean.dupont@gmail.com"),
    (FieldKind.MOBILE_PHONE, "06 12 34 56 78", "0612345678"),
    (FieldKind.MOBILE_PHONE, "+33 6 12 34 56 78", "0612345678"),
    (FieldKind.MOBILE_PHONE, "0033 (0)6.12.34.56.78", "0612345678"),
    (FieldKind.PHONE, "+590 590 12 34 56", "0590123456"),
    (FieldKind.PHONE, "+33 06 12 34 56 78", "+330612345678"),  # refused: only cleaned
    (FieldKind.POSTAL_CODE, " 75 001 ", "75001"),
    (FieldKind.DATE, "1/3/2026", "01/03/2026"),
    (FieldKind.DATE, "14-03-2026", "14/03/2026"),
    (FieldKind.BIRTH_DATE, "14031986", "14/03/1986"),
    (FieldKind.DATE, " 31/02/2024 ", "31/02/2024"),  # refused: only trimmed
    (FieldKind.AMOUNT, "1 234,56", "1234,56"),
    (FieldKind.AMOUNT, f"1{NARROW_NBSP}234,5 €", "1234,50"),
    (FieldKind.AMOUNT, "612,40", "612,40"),
    (FieldKind.AMOUNT, "1234", "1234"),
    (FieldKind.AMOUNT, "0", "0"),
    (FieldKind.AMOUNT, "007", "7"),
    (FieldKind.AMOUNT, "-12,5", "-12,50"),
    (FieldKind.AMOUNT, "1234.56", "1234.56"),  # refused: only cleaned
    (FieldKind.TEXT, f"  Camille{NBSP} Martin  ", "Camille Martin"),
    (FieldKind.PASSWORD, " Exercice-2026 ", " Exercice-2026 "),  # never touched
]


@pytest.mark.parametrize(("kind", "value", "expected"), NORMALIZED_CASES)
def test_normalized(kind: FieldKind, value: str, expected: str) -> None:
    assert normalized(kind, value) == expected


@pytest.mark.parametrize(("kind", "value", "_expected"), CASES)
def test_an_accepted_value_stays_accepted_once_normalized(
    kind: FieldKind, value: str, _expected: str | None
) -> None:
    if check(kind, value, today=TODAY) is None:
        canonical = normalized(kind, value)
        assert check(kind, canonical, today=TODAY) is None
        assert normalized(kind, canonical) == canonical


@pytest.mark.parametrize(("kind", "value", "_expected"), CASES)
def test_normalized_never_raises(kind: FieldKind, value: str, _expected: str | None) -> None:
    assert isinstance(normalized(kind, value), str)


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("jean.dupont@gmial.com", "jean.dupont@gmail.com"),
        ("jean.dupont@gmail.fr", "jean.dupont@gmail.com"),
        ("Jean.Dupont@Gmial.con", "Jean.Dupont@gmail.com"),
        ("jean.dupont@hotmial.fr", "jean.dupont@hotmail.fr"),
        ("jean.dupont@hotmail.con", "jean.dupont@hotmail.com"),
        ("jean.dupont@laposte.fr", "jean.dupont@laposte.net"),
        ("jean.dupont@icloud.fr", "jean.dupont@icloud.com"),
        ("jean.dupont@yahou.fr", "jean.dupont@yahoo.fr"),
        ("jean.dupont@exemple.con", "jean.dupont@exemple.com"),
        ("jean.dupont@gmail.com", None),
        ("jean.dupont@yahoo.fr", None),
        ("jean.dupont@ymail.com", None),
        ("jean.dupont@hotmail.de", None),
        ("jean.dupont@orange.fr", None),
        ("jean.dupontgmail.com", None),
        ("a@b@gmial.com", None),
    ],
)
def test_email_suggestion(typed: str, suggestion: str | None) -> None:
    assert email_suggestion(typed) == suggestion
