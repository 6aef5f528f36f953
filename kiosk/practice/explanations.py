"""What each practice mistake means, in plain words, and what to remember for the real site.

The simulated site shows its error the way a site would (in French); then the
kiosk says, in the person's language and aloud, what went wrong and how to do it
right. Codes come from ``kiosk.practice.validators`` and ``kiosk.practice.run``; a code
without its own sentence falls back to the one of its kind ("nir.*"), then to
a general one, so new validator codes never leave a person without words.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content import practice_sites
from kiosk.content.procedures import Procedure
from kiosk.i18n.translation import N_, _, content, format_number
from kiosk.practice.run import PracticeRun

EXPLANATIONS: dict[str, str] = {
    "empty": N_("Cette case est obligatoire. Il faut écrire quelque chose dedans."),
    "nir.*": N_(
        "Le numéro de sécurité sociale n'est pas bon. Il a 15 chiffres. "
        "Recopiez-le depuis la carte Vitale, chiffre par chiffre."
    ),
    "nir.length": N_(
        "Le numéro de sécurité sociale a 15 chiffres : 13 chiffres, puis une clé de 2 chiffres. "
        "Il manque des chiffres, ou il y en a trop."
    ),
    "nir.key": N_(
        "Les 2 derniers chiffres (la clé) ne vont pas avec le reste du numéro. "
        "Un chiffre est sûrement mal recopié. Relisez la carte Vitale."
    ),
    "nir.month": N_("Les 4e et 5e chiffres sont le mois de naissance. Relisez-les sur la carte Vitale."),
    "nir.sex": N_("Le numéro de sécurité sociale commence par 1 pour un homme ou 2 pour une femme."),
    "tax_number.*": N_(
        "Le numéro fiscal a 13 chiffres. Il est en haut de votre déclaration ou de votre avis d'impôt."
    ),
    "caf_number.*": N_(
        "Le numéro d'allocataire est écrit sur les courriers de la CAF. Recopiez-le sans espace."
    ),
    "caf_number.length": N_(
        "Le numéro d'allocataire a 7 chiffres au plus. Ce n'est pas le numéro de sécurité sociale."
    ),
    "france_travail_id.*": N_(
        "L'identifiant France Travail est sur vos courriers de France Travail : "
        "des chiffres, parfois suivis d'une lettre."
    ),
    "iban.*": N_(
        "L'IBAN n'est pas bon. Il commence par FR et a 27 signes. "
        "Recopiez-le depuis votre RIB, groupe par groupe."
    ),
    "iban.country": N_(
        "L'IBAN commence par 2 lettres, le pays : FR pour la France. Recopiez aussi le début, FR76."
    ),
    "iban.key": N_(
        "L'IBAN a un chiffre mal recopié : les chiffres de contrôle ne vont pas avec le reste. "
        "Relisez votre RIB, groupe par groupe."
    ),
    "email.*": N_(
        "L'adresse e-mail n'est pas bonne. Elle s'écrit sans espace et sans accent, "
        "avec un @ au milieu, par exemple nom@exemple.fr."
    ),
    "email.space": N_("Une adresse e-mail n'a jamais d'espace. Enlevez les espaces."),
    "email.accent": N_("Une adresse e-mail n'a pas d'accent : écrivez e au lieu de é, c au lieu de ç."),
    "email.no_at": N_("Il manque le signe @ (arobase). Il est sur le clavier, touche @."),
    "email.domain_typo": N_("La fin de l'adresse a une faute de frappe. Vérifiez les lettres après le @."),
    "phone.*": N_("Le numéro de téléphone a 10 chiffres et commence par 0, par exemple 06 12 34 56 78."),
    "phone.extra_zero": N_("Après +33, on enlève le premier 0 : +33 6 12 34 56 78, ou bien 06 12 34 56 78."),
    "phone.foreign": N_("Le site demande un numéro français : il commence par 0, ou par +33."),
    "phone.not_mobile": N_("Ici, il faut un numéro de portable : il commence par 06 ou 07."),
    "postal_code.*": N_("Le code postal a 5 chiffres, par exemple 35000."),
    "postal_code.corsica": N_("En Corse, le code postal commence par 20, pas par 2A ni 2B."),
    "date.*": N_("La date s'écrit avec le jour, le mois, puis l'année : 2 chiffres, 2 chiffres, 4 chiffres."),
    "date.short_year": N_("Écrivez l'année avec 4 chiffres, par exemple 1986, pas 86."),
    "date.impossible": N_("Cette date n'existe pas dans le calendrier. Vérifiez le jour et le mois."),
    "date.future": N_("Cette date est dans le futur. Une date de naissance est dans le passé."),
    "amount.*": N_("Écrivez la somme en chiffres, sans le signe €, par exemple 250 ou 250,50."),
    "amount.negative": N_("Écrivez la somme sans le signe moins."),
    "amount.cents": N_("Après la virgule, il y a 2 chiffres au plus : les centimes."),
    "amount.decimal_point": N_("En France, les centimes sont après une virgule, pas un point : 250,50."),
    "password.*": N_(
        "Le mot de passe ne suit pas les règles du site. Les règles sont écrites sous la case : "
        "lisez-les une par une."
    ),
    "password.too_long": N_("Le mot de passe est trop long. Enlevez des signes."),
    "password.digits_only": N_("Ici, le code est fait seulement de chiffres."),
    "password.needs_lower": N_(
        "Le mot de passe doit avoir au moins une lettre minuscule (une petite lettre)."
    ),
    "password.too_short": N_("Le mot de passe est trop court. Ajoutez des signes."),
    "password.needs_digit": N_("Le mot de passe doit avoir au moins un chiffre."),
    "password.needs_upper": N_(
        "Le mot de passe doit avoir au moins une lettre majuscule (une grande lettre)."
    ),
    "password.needs_special": N_("Le mot de passe doit avoir au moins un signe spécial, comme ! ou -."),
    "upload.type": N_(
        "Le site ne prend pas ce genre de fichier. Les photos d'iPhone (HEIC) sont souvent refusées : "
        "choisissez une photo JPG ou un PDF."
    ),
    "upload.size": N_(
        "Le fichier est trop lourd pour le site. Prenez une photo plus petite, ou demandez à l'accueil "
        "de la réduire."
    ),
    "upload.empty": N_("Le fichier est vide. Choisissez une autre photo."),
    practice_sites.CODE_WRONG: N_(
        "Le code n'est pas le bon. Le site a envoyé un code par e-mail : ouvrez la messagerie, "
        "lisez le code et recopiez-le."
    ),
    practice_sites.CAPTCHA_WRONG: N_(
        "Les lettres ne sont pas les mêmes que sur l'image. Le site montre une nouvelle image : "
        "recopiez-la lettre par lettre."
    ),
    practice_sites.CONFIRMATION_DIFFERENT: N_(
        "Les deux cases doivent être exactement pareilles. Tapez la même chose deux fois."
    ),
    practice_sites.SESSION_EXPIRED: N_(
        "Le site a fermé la page car personne n'a touché l'écran pendant un moment. "
        "C'est normal, et ce n'est pas votre faute. Recommencez cette page."
    ),
    practice_sites.UPLOAD_BLURRED: N_(
        "La photo est floue : on ne peut pas lire le document. Reprenez la photo, "
        "bien à plat, à la lumière, sans bouger."
    ),
    practice_sites.NOT_AS_ON_CARD: N_(
        "Ce n'est pas la somme de la fiche d'exercice. Regardez la fiche et recopiez-la."
    ),
    practice_sites.RSA_AS_SALARY: N_(
        "Vous avez écrit le RSA dans la case salaire. Le RSA n'est pas un salaire. "
        "Dans la case salaire, écrivez seulement l'argent payé par un employeur."
    ),
    practice_sites.CHECKBOX_REQUIRED: N_(
        "Le site demande de cocher cette case. Touchez la case pour la cocher."
    ),
    practice_sites.PAPER_MAIL: N_(
        "Attention : si vous cochez cette case, vous ne recevrez plus de lettres à la maison. "
        "Il faudra lire vos courriers sur le site. Décochez-la si vous préférez le papier."
    ),
}
GENERAL_EXPLANATION = N_("Cette case n'est pas bien remplie. Touchez « Montrez-moi » pour voir un exemple.")

# For the review: one thing to remember per kind of mistake made.
REMEMBER: dict[str, str] = {
    "empty": N_("Remplissez toutes les cases marquées d'une étoile."),
    "nir": N_("Ayez votre carte Vitale devant vous pour recopier votre numéro."),
    "tax_number": N_("Ayez votre dernier avis d'impôt pour recopier votre numéro fiscal."),
    "caf_number": N_("Ayez un courrier de la CAF pour recopier votre numéro d'allocataire."),
    "iban": N_("Ayez votre RIB pour recopier votre IBAN."),
    "email": N_("Écrivez votre adresse e-mail sur un papier, pour la recopier sans faute."),
    "password": N_(
        "Lisez les règles du mot de passe avant de l'inventer, et écrivez-le dans un endroit sûr."
    ),
    "confirmation_code": N_("Gardez votre messagerie ouverte : les sites y envoient des codes."),
    "session": N_("Si le site dit que la session a expiré, reconnectez-vous : rien n'est cassé."),
    "upload": N_("Pour une photo de document : bien à plat, à la lumière, en JPG ou en PDF."),
    "trap": N_("Mettez chaque somme dans la case qui porte son nom."),
    "caution": N_("Lisez chaque case à cocher avant de valider."),
    "checkbox": N_("Lisez chaque case à cocher avant de valider."),
}
ALWAYS_REMEMBER = (
    N_("Sur le vrai site, vérifiez l'adresse en haut : {address}."),
    N_("Ne donnez jamais votre mot de passe à quelqu'un, même à l'accueil."),
)


def _kind_of(code: str) -> str:
    return code.split(".", 1)[0]


def _french(code: str) -> str:
    return EXPLANATIONS.get(code) or EXPLANATIONS.get(f"{_kind_of(code)}.*") or GENERAL_EXPLANATION


def explanation(code: str) -> str:
    """The plain explanation of a mistake, translated."""
    return _(_french(code))


def for_mediator(code: str) -> str:
    """What went wrong, in one French sentence, for the mediator panel (which is in French)."""
    return _french(code).split(". ", 1)[0].rstrip(".") + "."


@dataclass(frozen=True)
class Review:
    """The end of a practice run, as the person hears it."""

    went_well: str
    mistakes: tuple[str, ...]  # each kind of mistake made, explained again
    remember: tuple[str, ...]  # three things to remember for the real site


def review(run: PracticeRun, procedure: Procedure) -> Review:
    kinds = run.mistake_kinds()
    went_well = _("Bravo, c'est fini ! Cases justes du premier coup : {count}.").format(
        count=format_number(run.first_try_fields())
    )
    address = procedure.urls[0].removeprefix("https://").rstrip("/") if procedure.urls else ""
    lines: list[str] = []
    for code in kinds:
        line = REMEMBER.get(_kind_of(code))
        if line is not None and _(line) not in lines:
            lines.append(_(line))
    rehearsed = {page.step for page in run.site.pages if page.id in run.pages_done}
    lines.extend(content(step.warning) for step in procedure.steps if step.warning and step.id in rehearsed)
    if address:
        lines.append(_(ALWAYS_REMEMBER[0]).format(address=address))
    lines.append(_(ALWAYS_REMEMBER[1]))
    return Review(went_well, tuple(explanation(code) for code in kinds), tuple(dict.fromkeys(lines))[:3])
