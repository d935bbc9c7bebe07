# Hearth participant pages, French (fr).
# Status: MACHINE-DRAFTED from the English catalog (en/participant.ftl), December 2026.
#   Not yet reviewed by a community translator. See docs/translating.md before use.
# Instrument statements (item-*): drafted from the English wording; flagged for review.
#   Their meaning must stay exactly that of the English; never reword them to sound nicer.
# Register: « tu » (informal), as in peer-support groups in Québec and France.

site-name = Hearth
# The language's own name (the language switch) and its name in English (staff pages).
language-name = Français
language-name-english = French
lang-switch = Langue
footer-privacy = Ce que nous gardons

## Accueil : saisir le code

home-title = Dis-nous comment s'est passé ton groupe
home-intro = Tape le code que ton groupe te montre.
home-code-label = Code de la séance
home-code-hint = Il ressemble à { $example }.
home-start = Commencer
home-anonymous = Pas de nom. Pas de compte. Rien qui mène à toi.

## Le formulaire

form-title = Comment s'est passé le groupe aujourd'hui ?
form-group = Groupe : { $circle }
form-intro = Ça prend environ une minute. Passe ce que tu veux.
form-anonymous = Nous ne demandons pas ton nom. Nous ne gardons rien qui pourrait mener à toi.
you-said-heading = Vous l'avez dit, nous l'avons fait
scale-1 = Pas du tout d'accord
scale-2 = Pas d'accord
scale-3 = Je ne sais pas
scale-4 = D'accord
scale-5 = Tout à fait d'accord
scale-skip = Je préfère ne pas répondre
# Under each row of 1–5 on a phone, where only the numbers fit in the row.
scale-low = 1 = { scale-1 }
scale-high = 5 = { scale-5 }
item-belong = Aujourd'hui, j'ai senti que j'avais ma place dans ce groupe.
item-welcome = Le groupe m'a semblé accueillant.
item-heard = Quand j'ai parlé, les gens m'ont vraiment écouté·e.
item-safe_to_share = Je me suis senti·e en sécurité pour dire ce que j'avais en tête.
item-not_judged = Je ne me suis pas senti·e jugé·e ici.
item-confidential = J'ai confiance que ce qui se dit ici reste ici.
item-own_pace = J'ai pu partager autant ou aussi peu que je le voulais.
item-better = Je repars un peu mieux qu'en arrivant.
first_time-legend = Est-ce ta première fois dans ce groupe ?
first_time-yes = Oui
first_time-no = Non
helped-legend = Qu'est-ce qui t'a aidé aujourd'hui ? Choisis tout ce qui convient.
helped-listened = Être écouté·e
helped-stories = Entendre l'histoire des autres
helped-ground_rules = Des règles claires
helped-welcome = Me sentir bienvenu·e
helped-facilitator = L'animateur ou l'animatrice
hindered-legend = Qu'est-ce qui t'a gêné ? Choisis tout ce qui convient.
hindered-dominated = Quelqu'un a pris toute la place
hindered-advice = Des conseils que je n'avais pas demandés
hindered-judged = Me sentir jugé·e
hindered-privacy = Une inquiétude pour ma vie privée
hindered-rushed = Me sentir pressé·e
ticket-label = Code du ticket (sur ta carte)
ticket-title = Ton code de ticket
ticket-intro = Ce groupe utilise des cartes-tickets. Tape le code de ta carte pour commencer. Tu peux aussi scanner le code QR de la carte.
ticket-hint = Il a 20 lettres et chiffres, comme { $example }. Les minuscules, les espaces et les tirets sont acceptés.
ticket-continue = Continuer
ticket-private = Ton ticket montre seulement qu'une carte a été utilisée. Il est gardé à part de tes réponses, sans aucun lien entre eux.
form-send = Envoyer mes réponses

## Problèmes. Chacun dit ce qui s'est passé et quoi faire ; les réponses restent dans le formulaire.

problem-title = Désolé
problem-summary = Quelque chose est à vérifier. Tes réponses sont toujours là.
problem-out-of-range = Choisis une des réponses ici, s'il te plaît.
problem-unknown-field = Le formulaire a envoyé quelque chose que nous ne connaissons pas. Rien n'a été enregistré. Vérifie tes réponses et envoie-les de nouveau.
problem-malformed = Nous n'avons pas pu lire ce qui a été envoyé. Rien n'a été enregistré. Réessaie, s'il te plaît.
problem-too-large = C'était plus que ce formulaire peut recevoir. Rien n'a été enregistré. Réessaie, s'il te plaît.
problem-nothing-answered = Tu n'as répondu à aucune question, donc rien n'a été enregistré. Tu peux répondre à celles que tu veux, ou simplement fermer cette page. C'est bien aussi.
problem-session-unknown = Nous n'avons pas trouvé ce code. Vérifie-le et réessaie.
problem-session-closed = Cette séance est fermée maintenant. Merci d'avoir voulu partager.
problem-session-full = Cette séance a reçu toutes les réponses qu'elle peut prendre. Merci d'avoir voulu partager.
problem-ticket-required = Cette séance demande le code du ticket de ta carte.
problem-ticket-unknown = Nous ne connaissons pas ce code de ticket. Vérifie ta carte.
problem-ticket-used = Ce ticket a déjà été utilisé. Chaque ticket ne marche qu'une fois.
problem-ticket-empty = Tape le code de ta carte, s'il te plaît.
problem-unavailable = Nous n'avons pas pu enregistrer tes réponses pour le moment. Elles sont toujours là. Réessaie dans un instant.
problem-uncertain = Nous avons peut-être enregistré tes réponses, mais nous n'avons pas pu le confirmer. Ne les envoie pas de nouveau : si elles ont été enregistrées, elles comptent une fois.
problem-form-unknown = Nous n'avons pas pu vérifier ce formulaire, donc rien n'a été enregistré. Tes réponses sont toujours là. Envoie-les de nouveau, s'il te plaît.
problem-not-found = Nous n'avons pas trouvé cette page.
problem-back-home = Saisir un code

## Merci

thanks-title = Merci
thanks-saved = Tes réponses sont enregistrées.
thanks-kept-heading = Ce que nous avons gardé
thanks-kept = Seulement tes réponses, et la rencontre du groupe à laquelle elles se rapportent.
thanks-not-kept-heading = Ce que nous n'avons pas gardé
thanks-not-kept = Ton nom, ton téléphone ou ton ordinateur, ton adresse internet, ni l'heure de ta réponse.
thanks-use = Tes réponses sont additionnées à celles des autres. Les personnes qui lisent les résultats voient seulement des totaux pour les groupes qui ont assez de réponses, jamais ce qu'une personne a dit. Un peu de bruit au hasard est ajouté pour te protéger.
thanks-crisis = En crise ou tu penses à te faire du mal ? Appelle ou écris au 988 (aux États-Unis et au Canada), à toute heure, jour et nuit.
thanks-close = Tu peux fermer cette page maintenant.
# The same form sent again after it was saved (the back button, a double tap): nothing more is stored.
thanks-already-saved = Tes réponses étaient déjà enregistrées — merci. Tu n'as pas besoin de les envoyer de nouveau.

## Confidentialité : l'inventaire des données

privacy-title = Ce que nous gardons, et ce que nous ne gardons pas
privacy-intro = Hearth demande comment s'est passée une rencontre de groupe. Il est fait pour que les personnes qui lisent les résultats ne voient jamais ce qu'une personne a dit, et rien de ce que nous gardons ne mène à toi.
privacy-kept-heading = Ce que nous gardons pour chaque ensemble de réponses
privacy-kept-session = La rencontre du groupe à laquelle il se rapporte, et la date de cette rencontre.
privacy-kept-answers = Les réponses que tu as choisies. Les questions passées restent vides.
privacy-kept-version = La version des questions que tu as vue.
privacy-not-heading = Ce que nous ne gardons jamais
privacy-not-name = Ton nom, ton courriel ou ton numéro de téléphone. Nous ne les demandons jamais.
privacy-not-address = Ton adresse internet (IP). Elle n'est pas enregistrée ni écrite dans aucun journal.
privacy-not-device = Les détails de ton navigateur ou de ton appareil. Ces pages ne posent aucun témoin (cookie).
privacy-not-time = L'heure de ta réponse. Tes réponses portent seulement la date de la rencontre.
privacy-not-order = L'ordre dans lequel les gens ont répondu.
privacy-not-ticket = Le ticket que tu as utilisé. Les codes de ticket sont gardés à part des réponses, sans aucun lien entre eux.
privacy-how-long-heading = Combien de temps nous gardons tes réponses
privacy-how-long = Tes réponses sont supprimées { $days } { $days ->
        [one] jour
       *[other] jours
    } après que l'équipe a reçu les totaux de leur mois et de leur trimestre. Ensuite, seuls ces totaux sont gardés. Nous demandons aussi aux personnes qui gèrent Hearth de supprimer régulièrement les vieilles sauvegardes.
privacy-shown-heading = Ce que l'équipe voit
privacy-shown = Les membres de l'équipe qui lisent les résultats voient seulement des totaux : pour chaque groupe, mois par mois. Les groupes qui ont trop peu de réponses sont cachés. Ils ne voient jamais ce qu'une personne a dit, ni les réponses d'une seule rencontre. Si tu remplis un formulaire papier, la personne de l'équipe qui le saisit voit ce formulaire, mais pas à qui il appartient.
privacy-protected-heading = À quel point tes réponses sont protégées
privacy-noise = Avant que l'équipe voie un total, nous y ajoutons exprès un petit nombre au hasard. Il brouille le changement que font tes réponses, donc les totaux montrent peu de choses sur la présence de tes réponses ou sur ce que tu as choisi.
privacy-per-person = { $times ->
        [1] C'est réglé pour protéger une réponse par mois de chaque personne. Si tu réponds plus souvent, par exemple chaque semaine, rien ne relie tes réponses à toi ni entre elles. Mais ensemble, elles changent davantage les totaux : 4 réponses changent un total 4 fois plus qu'une seule, alors que le nombre au hasard garde la même taille. Les totaux montrent donc plus sur ce que tu as dit qu'ils ne le feraient pour une seule réponse.
        [2] C'est réglé pour protéger jusqu'à 2 réponses par mois de chaque personne. Si tu réponds plus souvent, par exemple chaque semaine, rien ne relie tes réponses à toi ni entre elles. Mais ensemble, elles changent les totaux plus que prévu pour le nombre au hasard, donc les totaux montrent plus sur ce que tu as dit.
        [3] C'est réglé pour protéger jusqu'à 3 réponses par mois de chaque personne. Si tu réponds plus souvent, par exemple chaque semaine, rien ne relie tes réponses à toi ni entre elles. Mais ensemble, elles changent les totaux plus que prévu pour le nombre au hasard, donc les totaux montrent plus sur ce que tu as dit.
       *[other] C'est réglé pour protéger jusqu'à { $times } réponses par mois de chaque personne, donc quelqu'un qui vient chaque semaine est couvert. Si tu réponds plus souvent que ça, les totaux montrent plus sur ce que tu as dit.
    }
privacy-months = Chaque mois est protégé séparément. Si tu viens mois après mois, ce que les totaux peuvent montrer sur toi s'additionne avec le temps. Rien de ce que nous gardons ne relie tes réponses à toi.
privacy-skip = Tu peux passer n'importe quelle question.
problem-unavailable-read = Nous ne pouvons pas ouvrir ceci pour le moment. Réessaie dans un instant.

## Ticket cards: printed at the staff desk, read by participants

card-title = Comment s'est passé le groupe aujourd'hui ?
card-how = Scanne le code QR, ou va à l'adresse ci-dessous et tape le code du ticket.
card-promise = Anonyme. Marche une fois.
date-long = { $weekday } { $day } { $month } { $year }
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Kiosk mode: one tablet passed from person to person

kiosk-shared = Cette tablette est partagée. La prochaine personne ne verra pas tes réponses.
kiosk-stay = J'ai besoin de plus de temps
kiosk-next = Personne suivante
kiosk-returning = { $seconds ->
    [one] Cette page revient à un formulaire vide dans { $seconds } seconde.
   *[other] Cette page revient à un formulaire vide dans { $seconds } secondes.
}

## Paper forms: printed at the staff desk, filled in by hand

paper-how = Coche une case par ligne. Laisse une ligne vide pour la passer.
paper-session = Séance { $code } · { $date }
paper-no-name = N'écris pas ton nom ni rien d'autre sur cette feuille, s'il te plaît. Plie-la et rends-la.
paper-typed = L'équipe saisit tes cases cochées. Elle ne garde pas qui a saisi quel formulaire, ni l'ordre d'arrivée des formulaires.
paper-not-kept = Ton nom, ni l'heure de ta réponse.
paper-protected = { $times ->
        [1] Les personnes qui lisent les résultats voient seulement des totaux pour un groupe entier et un mois, avec un peu de bruit au hasard. Le bruit est réglé pour protéger une réponse par mois : si tu réponds chaque semaine, tes réponses ensemble sont moins protégées.
       *[other] Les personnes qui lisent les résultats voient seulement des totaux pour un groupe entier et un mois, avec un peu de bruit au hasard, réglé pour protéger jusqu'à { $times } réponses par mois d'une personne.
    }
