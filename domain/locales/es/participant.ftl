# Hearth, páginas para participantes, español. Frases cortas, palabras sencillas, sin presión.
# Status: written with the project alongside the English (no record of a review by a
#   community translator); review it as docs/translating.md describes.
# Instrument statements (item-*): translated from the English wording in design.md.

site-name = Hearth
# The language's own name (the language switch) and its name in English (staff pages).
language-name = Español
language-name-english = Spanish
lang-switch = Idioma
footer-privacy = Qué guardamos

## Inicio: escribir el código

home-title = Cuéntanos cómo te sentiste en el grupo
home-intro = Escribe el código que te muestra tu grupo.
home-code-label = Código de la sesión
home-code-hint = Se ve así: { $example }.
home-start = Empezar
home-anonymous = Sin nombre. Sin cuenta. Nada que te identifique.

## El formulario

form-title = ¿Cómo te sentiste hoy en el grupo?
form-group = Grupo: { $circle }
form-intro = Toma como un minuto. Puedes saltar lo que quieras.
form-anonymous = No preguntamos tu nombre. No guardamos nada que te identifique.
you-said-heading = Nos lo dijeron, y actuamos
scale-1 = Muy en desacuerdo
scale-2 = En desacuerdo
scale-3 = No estoy seguro/a
scale-4 = De acuerdo
scale-5 = Muy de acuerdo
scale-skip = Prefiero no decir
# Under each row of 1–5 on a phone, where only the numbers fit in the row.
scale-low = 1 = { scale-1 }
scale-high = 5 = { scale-5 }
item-belong = Hoy sentí que pertenecía a este grupo.
item-welcome = Me sentí bienvenido/a en el grupo.
item-heard = Cuando hablé, la gente me escuchó de verdad.
item-safe_to_share = Me sentí seguro/a para contar lo que tenía en mente.
item-not_judged = No me sentí juzgado/a aquí.
item-confidential = Confío en que lo que se comparte aquí, aquí se queda.
item-own_pace = Pude compartir tanto o tan poco como quise.
item-better = Me voy un poco mejor de lo que llegué.
first_time-legend = ¿Es tu primera vez en este grupo?
first_time-yes = Sí
first_time-no = No
helped-legend = ¿Qué te ayudó hoy? Elige las que quieras.
helped-listened = Que me escucharan
helped-stories = Oír las historias de otros
helped-ground_rules = Reglas claras
helped-welcome = Sentirme bienvenido/a
helped-facilitator = La persona que guía el grupo
hindered-legend = ¿Qué te estorbó? Elige las que quieras.
hindered-dominated = Alguien acaparó el tiempo
hindered-advice = Consejos que no pedí
hindered-judged = Sentirme juzgado/a
hindered-privacy = Preocupación por la privacidad
hindered-rushed = Sentirme con prisa
ticket-label = Código del boleto (en tu tarjeta)
ticket-title = Tu código de boleto
ticket-intro = Este grupo usa tarjetas con boleto. Escribe el código de tu tarjeta para empezar. También puedes escanear el código QR de la tarjeta.
ticket-hint = Tiene 20 letras y números, como { $example }. Puedes usar minúsculas, espacios y guiones.
ticket-continue = Seguir
ticket-private = Tu boleto solo muestra que se usó una tarjeta. Se guarda aparte de tus respuestas, sin ningún vínculo entre ellos.
form-send = Enviar mis respuestas

## Problemas. Cada uno dice qué pasó y qué hacer; las respuestas se quedan en el formulario.

problem-title = Lo sentimos
problem-summary = Hay algo que revisar. Tus respuestas siguen aquí.
problem-out-of-range = Por favor, elige una de las opciones.
problem-unknown-field = El formulario envió algo que no conocemos. No se guardó nada. Revisa tus respuestas y envíalas otra vez.
problem-malformed = No pudimos leer lo que se envió. No se guardó nada. Inténtalo otra vez.
problem-too-large = Se envió más de lo que este formulario acepta. No se guardó nada. Inténtalo otra vez.
problem-nothing-answered = No respondiste ninguna pregunta, así que no se guardó nada. Puedes responder las que quieras, o simplemente cerrar esta página. Eso también está bien.
problem-session-unknown = No encontramos ese código. Revísalo e inténtalo otra vez.
problem-session-closed = Esta sesión ya está cerrada. Gracias por querer compartir.
problem-session-full = Esta sesión ya tiene todas las respuestas que puede recibir. Gracias por querer compartir.
problem-ticket-required = Esta sesión necesita el código del boleto de tu tarjeta.
problem-ticket-unknown = No conocemos ese código de boleto. Revisa tu tarjeta.
problem-ticket-used = Este boleto ya se usó. Cada boleto sirve una sola vez.
problem-ticket-empty = Escribe el código de tu tarjeta.
problem-unavailable = No pudimos guardar tus respuestas en este momento. Siguen aquí. Inténtalo otra vez en un momento.
problem-uncertain = Es posible que hayamos guardado tus respuestas, pero no pudimos confirmarlo. Por favor, no las envíes otra vez: si se guardaron, cuentan una vez.
problem-form-unknown = No pudimos comprobar este formulario, así que no se guardó nada. Tus respuestas siguen aquí. Por favor, envíalas otra vez.
problem-not-found = No encontramos esa página.
problem-back-home = Escribir un código

## Gracias

thanks-title = Gracias
thanks-saved = Tus respuestas están guardadas.
thanks-kept-heading = Qué guardamos
thanks-kept = Solo tus respuestas, y a qué reunión del grupo corresponden.
thanks-not-kept-heading = Qué no guardamos
thanks-not-kept = Tu nombre, tu teléfono o computadora, tu dirección de internet, ni la hora en que respondiste.
thanks-use = Tus respuestas se suman a las de otras personas. Quienes leen los resultados solo ven totales de grupos con suficientes respuestas, nunca lo que dijo una persona. Se agrega un poco de ruido al azar para protegerte.
thanks-crisis = ¿Estás en crisis o pensando en hacerte daño? Llama o envía un mensaje al 988 (en EE. UU.), a cualquier hora, de día o de noche.
thanks-close = Ya puedes cerrar esta página.
# El mismo formulario enviado otra vez después de guardarse (el botón de volver, un doble toque): no se guarda nada más.
thanks-already-saved = Tus respuestas ya se guardaron — gracias. No hace falta que las envíes otra vez.

## Privacidad: el inventario de datos

privacy-title = Qué guardamos y qué no
privacy-intro = Hearth pregunta cómo se sintió una reunión de grupo. Está hecho para que quienes leen los resultados nunca vean lo que dijo una persona, y nada de lo que guardamos apunta a ti.
privacy-kept-heading = Qué guardamos de cada conjunto de respuestas
privacy-kept-session = A qué reunión del grupo corresponde, y la fecha de esa reunión.
privacy-kept-answers = Las respuestas que elegiste. Las preguntas que saltaste quedan vacías.
privacy-kept-version = Qué versión de las preguntas viste.
privacy-not-heading = Qué nunca guardamos
privacy-not-name = Tu nombre, correo o teléfono. Nunca los pedimos.
privacy-not-address = Tu dirección de internet (IP). No se guarda ni se escribe en ningún registro.
privacy-not-device = Los datos de tu navegador o dispositivo. Estas páginas no usan cookies.
privacy-not-time = La hora en que respondiste. Tus respuestas solo llevan la fecha de la reunión.
privacy-not-order = El orden en que la gente respondió.
privacy-not-ticket = Qué boleto usaste. Los códigos de boleto se guardan aparte de las respuestas, sin ningún vínculo entre ellos.
privacy-how-long-heading = Cuánto tiempo guardamos tus respuestas
privacy-how-long = Tus respuestas se borran { $days } { $days ->
        [one] día
       *[other] días
    } después de que el personal reciba los totales de su mes y de su trimestre. Desde entonces solo se guardan esos totales. Pedimos a quienes administran Hearth que también borren las copias de seguridad antiguas con regularidad.
privacy-shown-heading = Qué ve el personal
privacy-shown = El personal que lee los resultados solo ve totales: de cada grupo, mes por mes. Los grupos con muy pocas respuestas se ocultan. Nunca ve lo que dijo una persona, ni las respuestas de una reunión. Si llenas un formulario en papel, la persona del personal que lo escribe en el sistema ve ese formulario, pero no de quién es.
privacy-protected-heading = Qué tan protegidas están tus respuestas
privacy-noise = Antes de que el personal vea un total, le sumamos a propósito un pequeño número al azar. Ese número difumina el cambio que hacen tus respuestas, así que los totales muestran poco sobre si tus respuestas están incluidas o qué elegiste.
privacy-per-person = { $times ->
        [1] Esto está pensado para proteger una respuesta al mes de cada persona. Si respondes más seguido, por ejemplo cada semana, nada une tus respuestas contigo ni entre sí. Pero juntas cambian más los totales: 4 respuestas cambian un total 4 veces más que una, y el número al azar sigue del mismo tamaño. Así que los totales muestran más sobre lo que dijiste que sobre una sola respuesta.
        [2] Esto está pensado para proteger hasta 2 respuestas al mes de cada persona. Si respondes más seguido, por ejemplo cada semana, nada une tus respuestas contigo ni entre sí. Pero juntas cambian los totales más de lo previsto, así que los totales muestran más sobre lo que dijiste.
        [3] Esto está pensado para proteger hasta 3 respuestas al mes de cada persona. Si respondes más seguido, por ejemplo cada semana, nada une tus respuestas contigo ni entre sí. Pero juntas cambian los totales más de lo previsto, así que los totales muestran más sobre lo que dijiste.
       *[other] Esto está pensado para proteger hasta { $times } respuestas al mes de cada persona, así que quien viene cada semana está cubierto. Si respondes más seguido que eso, los totales muestran más sobre lo que dijiste.
    }
privacy-months = Cada mes se protege por separado. Si vienes mes tras mes, lo que los totales pueden mostrar sobre ti se va sumando. Nada de lo que guardamos une tus respuestas contigo.
privacy-skip = Puedes saltar cualquier pregunta.
problem-unavailable-read = No podemos abrir esto ahora. Inténtalo otra vez en un momento.

## Ticket cards: printed at the staff desk, read by participants (both languages on each card)

card-title = ¿Cómo te fue hoy en el grupo?
card-how = Escanea el código QR, o entra en la dirección de abajo y escribe el código del boleto.
card-promise = Anónimo. Sirve una vez.
date-long = { $weekday } { $day } de { $month } de { $year }
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Kiosk mode: one tablet passed from person to person

kiosk-shared = Esta tableta es compartida. La próxima persona no verá tus respuestas.
kiosk-stay = Necesito más tiempo
kiosk-next = Siguiente persona
kiosk-returning = { $seconds ->
    [one] Esta página vuelve a un formulario vacío en { $seconds } segundo.
   *[other] Esta página vuelve a un formulario vacío en { $seconds } segundos.
}

## Paper forms: printed at the staff desk, filled in by hand

paper-how = Marca una casilla en cada línea. Deja una línea vacía para saltarla.
paper-session = Sesión { $code } · { $date }
paper-no-name = Por favor, no escribas tu nombre ni nada más en esta hoja. Dóblala y devuélvela.
paper-typed = El personal pasa tus marcas a la computadora. No se guarda quién pasó cada hoja, ni el orden en que llegaron.
paper-not-kept = Tu nombre, ni la hora en que respondiste.
paper-protected = { $times ->
        [1] Quienes leen los resultados solo ven totales de un grupo entero y de un mes, con un poco de ruido al azar. El ruido está pensado para proteger una respuesta al mes: si respondes cada semana, tus respuestas juntas están menos protegidas.
       *[other] Quienes leen los resultados solo ven totales de un grupo entero y de un mes, con un poco de ruido al azar, pensado para proteger hasta { $times } respuestas al mes de una persona.
    }
