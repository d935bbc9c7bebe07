# Hearth, páginas del personal, español (para coordinación, financiadores, facilitación,
# captura de datos y administración).
# Status: machine-drafted with the project (no record of a review by a Spanish-speaking
#   program manager); review it as docs/translating.md describes.
# Convenciones: trato de «usted» (formal, como en un sistema de trabajo); lenguaje
#   neutro para México, España y EE. UU. Números según CLDR `es`: coma decimal, «72 %».

## Fechas (los nombres de los meses son `month-N` de participant.ftl)

date-month-year = { $month } de { $year }
date-day-month-year = { $day } de { $month } de { $year }
date-short-month-year = { $month } { $year }
date-day-short-month-year = { $day } { $month } { $year }
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic

## El marco de cada página

staff-title-suffix = Hearth, personal
staff-skip = Ir al contenido
staff-brand-sub = personal
staff-nav-label = Páginas del personal
staff-sign-out = Cerrar sesión
nav-home = Inicio
nav-overview = Resumen del programa
nav-sessions = Sesiones
nav-paper = Capturar formularios en papel
nav-reports = Informes
nav-programs = Programas
nav-users = Usuarios
nav-privacy = Privacidad
nav-ledger = Registro de privacidad
nav-audit = Auditoría
nav-api-tokens = Claves de API
nav-webhooks = Webhooks
nav-sso = Inicio de sesión único
nav-account = Mi cuenta
role-admin = administración
role-manager = coordinación
role-facilitator = facilitación
role-funder = financiador
role-data-entry = captura de datos

## Páginas de error

error-forbidden-title = No corresponde a su función
error-forbidden = Su cuenta no puede ver esta página. Las páginas dependen de su función y de su programa.
error-not-found-title = No encontrada
error-not-found = Esa página no existe.
error-bad-request-title = No se pudo hacer
error-csrf-title = Este formulario caducó
error-csrf = El formulario era antiguo o venía de otro sitio, así que no se cambió nada. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-back-home = Volver a su página de inicio

## Mi cuenta

account-choose-title = Elija su contraseña
account-choose-heading = Elija su propia contraseña
account-choose-intro = Otra persona fijó su contraseña, así que solo servía para su primer inicio de sesión. Antes de continuar, elija una que solo usted conozca.
account-go-home = Ir a su página de inicio
account-change-heading = Cambiar la contraseña
account-current = Contraseña actual
account-current-hint = (con la que inició sesión)
account-new = Contraseña nueva
account-new-hint = (de { $min } a { $max } caracteres; unas cuantas palabras que vaya a recordar funcionan bien)
account-again = Repita la contraseña nueva
account-change-button = Cambiar la contraseña
account-change-note = Al cambiarla se cerrarán sus sesiones en cualquier otro lugar donde la tenga abierta.
account-second-factor-heading = Segundo factor
account-second-factor-link = Aplicación de autenticación y códigos de recuperación
account-second-factor-text = : un código de su teléfono después de la contraseña.
account-fill-all = Complete los tres campos.
account-not-same = Las dos contraseñas nuevas no coinciden. Escriba la nueva dos veces.
account-length = La contraseña debe tener entre { $min } y { $max } caracteres. Unas cuantas palabras que vaya a recordar hacen una buena contraseña.
account-must-differ = La contraseña nueva debe ser distinta de la actual.
account-too-many = Demasiados intentos. Espere un minuto y vuelva a intentarlo.
account-current-wrong = La contraseña actual no es correcta. No se cambió nada.
account-password-changed = Se cambió su contraseña. Se cerraron las sesiones que tenía abiertas en otros lugares.
account-language-heading = Idioma de estas páginas
account-language-label = Páginas del personal en
account-language-browser = El idioma de su navegador
account-language-button = Guardar idioma
account-language-note = Las páginas del personal están en inglés o en español. Si no elige uno aquí, siguen la configuración de idioma de su navegador, que se lee en cada página y nunca se guarda. Cada participante elige su propio idioma en sus páginas.
account-language-saved = Se guardó su idioma.
account-language-unknown = Elija uno de los idiomas de la lista. No se cambió nada.
account-digests-heading = Resúmenes de publicación
account-digests-label = Cuando se publiquen cifras que usted puede ver
account-digests-on = Enviarme un resumen por correo electrónico
account-digests-off = No enviarme nada
account-digests-button = Guardar
account-digests-note = Llega un resumen por cada mes o trimestre publicado, con las cifras que su función puede ver y sus márgenes, nunca nada sobre una sesión o una respuesta en particular.
account-digests-no-mail = Este Hearth aún no tiene un servidor de correo configurado, así que no se envía nada hasta que quien lo administra configure uno.
account-digests-on-saved = Recibirá un resumen cuando se publiquen cifras.
account-digests-off-saved = No recibirá resúmenes.
account-digests-unknown = Elija una de las dos opciones. No se cambió nada.
account-digests-none = Su función no ve cifras, así que no recibe resúmenes. No se cambió nada.

## El diccionario de datos de las exportaciones CSV (`…dictionary.csv`). Los nombres de
## columnas y de medidas (`column program`, `pct_positive_belonging`) son para máquinas y
## quedan en inglés; se traducen los significados.

index-belonging = pertenencia
index-safety = seguridad emocional
dict-col-program = el nombre del programa ("all programs" para el conjunto de programas)
dict-col-circle = el nombre del círculo, para el mes de un círculo
dict-col-period = el mes (2026-10) o el trimestre (2026-Q4)
dict-col-months = los meses de los que vienen las cifras, separados por espacios: el propio mes, o los meses publicados del trimestre (un trimestre cuyo primer mes no tuvo sesiones tiene dos: 2025-11 2025-12)
dict-col-level = qué abarca la celda de la fila: circle_month (el mes de un círculo; un círculo es un grupo de apoyo entre pares de un programa), program_month (el mes de un programa), program_quarter (el trimestre de un programa) o portfolio_quarter (el trimestre de todos los programas)
dict-col-measure = qué cuenta o deriva la fila (vea las medidas más abajo)
dict-col-count = un recuento publicado de respuestas: un número entero con ruido de privacidad; los recuentos se suman entre niveles
dict-col-value = una cifra derivada de los recuentos: un % (0–100) o una media en la escala del 1 al 5
dict-col-margin_of_error = la mitad del ancho del intervalo que deja solo el ruido de privacidad, 9 de cada 10 veces (90 %)
dict-col-margin_with_sampling = la mitad del ancho del intervalo del 90 % contando el ruido y quién respondió por casualidad; úselo para comparar cifras
dict-col-status = lo que muestran las páginas para la cifra: shown (se muestra); too_uncertain (su margin_of_error supera ±{ $pct } puntos en un %, ±{ $mean } en una media, así que las páginas no muestran ningún número; el valor y los márgenes se conservan aquí para quienes analizan y combinan cifras); hidden (oculta para proteger el anonimato: celda pequeña o hermana de una); o no_data (nada de qué derivarla, como la media de una afirmación que nadie respondió)
dict-responses = respuestas en la celda (la suma de todos los histogramas de abajo)
dict-index-positive = respuestas cuya puntuación de { $index } es positiva: la media de sus respuestas a { $statements } es mayor que 3,5, con al menos { $least } de las { $all } respondidas
dict-index-not-positive = respuestas cuya puntuación de { $index } no es positiva: la media de sus respuestas a { $statements } es 3,5 o menos, con al menos { $least } de las { $all } respondidas
dict-index-unscored = respuestas con muy pocas afirmaciones de { $index } respondidas para puntuarla: menos de { $least } de las { $all } ({ $statements })
dict-item-skipped = respuestas que omitieron la afirmación { $statement } (la dejaron en blanco o eligieron “{ $skip }”)
dict-item-answer = respuestas que contestaron { $n } (“{ $label }”, en una escala de 1 = totalmente en desacuerdo a 5 = totalmente de acuerdo) a la afirmación { $statement }
dict-first-answer = respuestas que contestaron “{ $answer }” a “{ $question }”
dict-first-skipped = respuestas que omitieron la pregunta “{ $question }”
dict-ticked = respuestas que marcaron { $option }
dict-not-ticked = respuestas que no marcaron { $option }
dict-scored = respuestas con puntuación de { $index }: positivas + no positivas (derivada)
dict-pct-positive = % de respuestas puntuadas cuya puntuación de { $index } es positiva: la media de sus respuestas a { $statements } es mayor que 3,5 (derivada)
dict-mean = respuesta media (1 = totalmente en desacuerdo … 5 = totalmente de acuerdo) a la afirmación { $statement } entre quienes la respondieron (derivada)
dict-pct = % de respuestas que marcaron { $option } (derivada)
dict-statements = las { $n } afirmaciones de { $index } { $list }
dict-list-and = { $rest } y { $last }
dict-option = “{ $option }” en “{ $question }”

## Cómo se lee una cifra (analytics::figures::Reading)

reading-no-data = sin datos
reading-hidden = oculta para proteger el anonimato
reading-too-uncertain = demasiado incierta para leerla
reading-with-sampling = { $range } con muestreo
reading-responses = ({ $n } respuestas)
reading-brief-uncertain = demasiado incierta
reading-brief-hidden = oculta

## La nota sobre el ruido que lleva cada página de cifras

noise-line = A cada número de esta página se le añadió una sola vez, al publicarlo, un poco de ruido aleatorio, para que diga muy poco sobre las respuestas de una persona. “72 % ± 3”: el ruido movió esa cifra como mucho 3 puntos, 9 de cada 10 veces (“± < 1”: menos de un punto). “± 9 con muestreo” cuenta además el azar de quién vino y respondió: úselo, junto con las barras del gráfico que lo muestran, para comparar una cifra con otra; una diferencia menor puede deberse al azar. Una cifra cuyo intervalo de ruido llega al 0 % o al 100 % se muestra como ese intervalo (“91–100 %”): los recuentos nunca son menores que cero, así que un 100 % puede esconder unas pocas respuestas que no fueron positivas. “Demasiado incierta para leerla” indica una cifra cuyo intervalo de ruido —el ± antes de “con muestreo”— supera ±{ $pct } puntos (±{ $mean } en una media de 1 a 5): ninguna página ni gráfico muestra un número para ella.
noise-only-line = Las cifras publicadas con el primer plan de medición no tienen intervalo con muestreo: ellas y sus barras del gráfico muestran solo el intervalo de ruido.
months-only = solo { $months }

## Program overview (manager)

ov-sub = resumen del programa
tag-archived = archivado
ov-archived-on = Este programa se archivó el { $date }: ya no admite sesiones nuevas. Su historial publicado se conserva aquí.
ov-actions = Acciones
ov-report-link = Informe del programa para imprimir
ov-download-csv = Descargar CSV
ov-dictionary = diccionario de datos
ov-how-to-read = Cómo leer estas cifras: intervalos, ocultas e inciertas
ov-nodata-legend = no hubo sesiones, o aún no se publica
ov-no-month = Todavía no se ha publicado ningún mes. Las cifras aparecen aquí cuando un mes cierra y se hace su publicación.
ov-belonging-safety = Pertenencia y seguridad emocional
ov-trend-intro = Proporción de respuestas positivas en cada índice, por mes.
ov-trend-bars = Las barras muestran el intervalo con muestreo de cada mes: donde las barras de dos meses se superponen, el cambio entre ellos puede deberse al azar. Un mes rayado es demasiado incierto para leerlo.
table-summary = Las cifras en una tabla
ov-trend-table-label = Pertenencia y seguridad por mes (tabla)
col-month = Mes
col-responses = Respuestas
col-belonging-pct = Pertenencia, % positivo
col-safety-pct = Seguridad, % positivo
ov-circle-actions = { $n ->
    [one] { $n } acción corresponde
   *[other] { $n } acciones corresponden
} a círculos concretos: véalas en las páginas de cada círculo o en
ov-all-actions = todas las acciones
ov-circles-by-month = Círculos por mes
ov-show = Mostrar:
ov-belonging = Pertenencia
ov-safety = Seguridad emocional
ov-heat-intro = , % positivo, por círculo. Cada celda se lee como la tabla de abajo: la cifra y, debajo, el ± de su intervalo de ruido —el intervalo que decide si una cifra se puede leer— o, donde ese intervalo llega al 0 % o al 100 %, el propio intervalo (“82–100”). Si se cuenta además quién vino por casualidad, el intervalo de un círculo es todavía más ancho (la tabla lo da “con muestreo”), así que dos celdas separadas por unos pocos puntos pueden no ser realmente distintas: busque patrones a lo largo de varios meses más que celdas sueltas.
heat-key-label = Clave de colores
heat-0 = menos del 20 %
heat-1 = 20–39 %
heat-2 = 40–59 %
heat-3 = 60–79 %
heat-4 = 80 % o más
heat-uncertain = incierta: intervalo de ruido mayor de ±{ $pct } puntos, demasiado incierta para leerla, sin color
heat-hidden = oculta
heat-nodata = – sin datos
heat-label = Mapa de calor, se desplaza hacia los lados
heat-scroll-hint = Desplace hacia los lados para ver todos los meses →
ov-heat-table-label = Círculos por mes (tabla)
col-circle = Círculo
ov-circle-pages = Páginas de los círculos
ov-statements = Afirmación por afirmación
ov-statements-intro = La respuesta media del programa a cada afirmación, de 1 (totalmente en desacuerdo) a 5 (totalmente de acuerdo), en los últimos meses.
ov-first-returning = Primera vez y quienes regresan
ov-first-intro = Cuántas respuestas vinieron de personas que estaban en el grupo por primera vez (oscuro) y de integrantes que regresan (claro).
ov-first-table-label = Primera vez y quienes regresan, por mes (tabla)
col-first-time = Primera vez
col-returning = Regresan
ov-helped-hindered = Qué ayudó y qué estorbó
ov-options-intro = Proporción de respuestas de { $quarter } que marcaron cada opción. Las barras muestran el intervalo con muestreo.
ov-helped = Qué ayudó
ov-hindered = Qué estorbó
ov-no-quarter = Todavía no se ha publicado ningún trimestre.

## Shared parts of figure pages (macros.html)

legend-uncertain = <strong>demasiado incierta para leerla</strong>: con tan pocas respuestas el ruido es demasiado grande para que la cifra signifique mucho —solo su intervalo de ruido, el ± antes de “con muestreo”, supera ±{ $pct } puntos (±{ $mean } en una media de 1 a 5)—, así que no se muestra ningún número y el CSV la marca como <code>too_uncertain</code>.
legend-hidden = <strong>oculta</strong>: menos de { $k } respuestas; se oculta para proteger el anonimato. También se ocultan algunas cifras mayores, para que una pequeña no pueda deducirse restando.
legend-nodata = <strong>sin datos</strong>:
statements-table-label = Afirmaciones por mes (tabla)
col-statement = Afirmación
options-table-label = Qué ayudó y qué estorbó (tabla)
col-option = Opción
col-pct-responses = % de respuestas
option-helped = Ayudó: { $option }
option-hindered = Estorbó: { $option }
attention-heading = Requiere atención
attention-against = { $quarter } frente al trimestre anterior
attention-not-yet = Las alertas empiezan cuando se han publicado los meses de dos trimestres.
attention-none = Sin alertas para { $quarter }: nada bajó más de lo que explica el azar.
attention-rises = Subieron
actions-heading = Acciones tomadas
actions-none = Todavía no hay ninguna acción registrada aquí.
actions-intro = Cada acción conserva un mismo número en todas las páginas (A1 es la más antigua del programa); el gráfico de tendencia marca el mes de cada acción tomada dentro de los meses que muestra. La página de cada acción compara las cifras de antes y de después.
tag-told = comunicada a participantes
actions-record = Registrar una acción
actions-all = Todas las acciones

## Sign in

sign-in-title = Iniciar sesión
sign-in-intro = Para el personal de los programas. Las personas participantes nunca necesitan una cuenta: responden con un código de sesión.
sign-in-first-admin = <strong>Hearth todavía no tiene ninguna cuenta de personal.</strong> Quien administra Hearth crea la primera cuenta de administración en su servidor, con la misma configuración de base de datos que <code>hearth serve</code>, y se le pide una contraseña:
sign-in-first-admin-then = Inicie sesión aquí con ese correo y esa contraseña. Después, esa persona agrega a todas las demás en Usuarios.
sign-in-email = Correo electrónico
sign-in-password = Contraseña
sign-in-sso = Iniciar sesión con su cuenta de trabajo
sign-in-one-time = ¿Inicia sesión con una contraseña de un solo uso que le dio una persona de administración? Funciona una vez, dentro de { $hours }, y justo después usted elige su propia contraseña. Si cerró sesión antes de elegirla, ya no funciona: pida que le restablezcan la contraseña otra vez.
sign-in-hours = { $n ->
    [one] 1 hora
   *[other] { $n } horas
}

## A circle’s page (manager)

circle-sub = círculo
circle-program-archived-on = Su programa se archivó el { $date }: ya no admite sesiones nuevas. Su historial publicado se conserva aquí.
circle-archived-on = Este círculo se archivó el { $date }: ya no admite sesiones nuevas. Su historial publicado se conserva aquí.
circle-no-month = Todavía no se ha publicado ningún mes.
circle-table-label = Cifras por mes (tabla)
circle-table-caption = Cifras por mes
circle-statements-intro = La respuesta media a cada afirmación, de 1 (totalmente en desacuerdo) a 5 (totalmente de acuerdo), en los últimos meses y en esos meses juntos: un mes de un solo círculo suele tener muy pocas respuestas para leer una afirmación; tres meses juntos, a menudo sí.

## Home

home-welcome = Bienvenida
home-as-admin = Inició sesión como persona de administración
home-as-manager = Inició sesión como coordinación de programa
home-as-facilitator = Inició sesión como facilitación
home-as-funder = Inició sesión como financiador
home-as-data-entry = Inició sesión como captura de datos
home-for-program = de <strong>{ $program }</strong>
home-overviews = Resúmenes de los programas
home-what-you-can-do = Qué puede hacer aquí
home-step-open-link = Abra una sesión
home-step-open = para uno de sus círculos cuando el grupo se reúna: obtendrá un código corto, un enlace y un código QR para mostrarle al grupo.
home-step-cards = Si lo desea, imprima tarjetas al abrirla: una por persona; cada una funciona una sola vez.
home-step-count = En una sesión que usted abrió puede ver cuántas personas han respondido mientras esté abierta. Solo usted ve ese recuento, y solo hasta que la sesión se cierre; es únicamente un número: nunca se muestran las respuestas de nadie.
home-step-close = Cierre la sesión al terminar, o deje que se cierre sola (a las 24 horas, salvo que haya elegido otra cosa).
home-facilitator-note = Las respuestas se suman en una publicación cuando termina el mes; la coordinación del programa ve esas cifras. Son recuentos con un poco de ruido aleatorio, y los grupos pequeños se ocultan.
home-note = Cada cifra de esta página viene de una publicación: recuentos a los que se añadió una sola vez ruido calibrado, al cerrarse el periodo. Nada aquí muestra las respuestas de una sola persona.

## Funder: list of reports

reports-title = Informes trimestrales del conjunto de programas
reports-none = Todavía no se ha publicado ningún trimestre. El informe de un trimestre aparece cuando se publican sus tres meses y el propio trimestre.
reports-report = Informe { $quarter }
reports-released = publicado el

## Resúmenes de publicación por correo (dashboards::notify::digest): uno por periodo
## publicado y persona del personal, en el idioma de su cuenta

digest-stop = Recibe este correo porque los resúmenes de publicación están activados en su cuenta de Hearth. Para dejar de recibirlos, desactívelos en «Mi cuenta».
digest-your-account = Mi cuenta
digest-headline-belonging = Pertenencia (% positivo)
digest-headline-safety = Seguridad emocional (% positivo)
digest-headline-better = Se van mejor de lo que llegaron (media de 1 a 5)
digest-your-program = su programa
digest-no-sessions = { $program } no tuvo sesiones en { $period }: no tiene cifras este mes.
digest-figure = { $label }: { $words }
digest-ranges = Los rangos son márgenes de error del 90 %: el ruido que se añade para proteger el anonimato (y, donde se indica, el azar de quién respondió).
digest-overview = Resumen de { $program }
digest-program-in = { $program } en { $period }
digest-manager-subject = Hearth: se publicaron las cifras de { $program } de { $period }
digest-actions-taken = { $n ->
    [0] No se registró ninguna acción tomada en { $period }.
    [one] Se registró 1 acción tomada en { $period }:
   *[other] Se registraron { $n } acciones tomadas en { $period }:
}
digest-whole-program = todo el programa
digest-action = { $action } ({ $scope }, { $date })
digest-untold = { $n ->
    [0] Todas las acciones vigentes se han comunicado a las personas participantes.
    [one] 1 acción aún no se ha comunicado a las personas participantes: añada su línea para que vean qué cambió.
   *[other] { $n } acciones aún no se han comunicado a las personas participantes: añada sus líneas para que vean qué cambió.
}
digest-actions = Acciones
digest-fell = Bajó: { $name } — { $text }
digest-rose = Subió: { $name } — { $text }
digest-nothing-needs-attention = Nada requiere atención: ningún cambio es mayor de lo que el ruido y el azar pueden explicar.
digest-attention-link = Qué requiere atención y cómo se decide
digest-attention = Qué requiere atención
digest-report-for = El informe de { $period }
digest-report-ready = El informe trimestral de { $period } está listo para leer y descargar.
digest-funder-subject = Hearth: el informe de { $period } está listo
digest-ledger-line = { $level } { $group }: { $unit }={ $spend } en { $cells } celdas
digest-quarter-spends-nothing = { $period } es la suma de sus meses publicados: no se midió nada ni se gastó nada.
digest-ledger = El registro de privacidad
digest-ledger-for = El registro de { $period }
digest-admin-subject = Hearth: se publicó { $period }

## Administración: usuarios, programas y círculos, claves de API, webhooks
## (admin_users.html, admin_user_edit.html, admin_user_confirm.html, admin_catalog.html,
## admin_archive.html, admin_rename.html, admin_api_tokens.html,
## admin_api_token_revoke.html, admin_webhooks.html, admin_webhook_remove.html y sus
## controladores en dashboards/src/admin)

users-title = Usuarios y funciones
users-intro = La coordinación y la facilitación ven un solo programa. Los financiadores ven los informes trimestrales (los de un programa, o los de todos los programas si no se indica ninguno). La administración gestiona todo, pero no ve más cifras que la coordinación de un programa.
users-one-time-heading = Contraseña de un solo uso para { $email }
users-one-time-note = Entréguesela en persona o léasela por teléfono, no por correo electrónico ni por chat. <strong>Solo se muestra esta vez</strong>: Hearth guarda únicamente una forma cifrada de ella, y esta nota desaparece cuando usted sale de la página o la recarga. Cuando esa persona inicie sesión con ella, elegirá su propia contraseña antes que nada. Sirve para un solo inicio de sesión, dentro de { $hours }; si cierra sesión antes de elegir la suya, restablézcala de nuevo.
users-table-label = Cuentas del personal (tabla)
users-col-email = Correo electrónico
users-col-role = Función
users-col-program = Programa
users-col-status = Estado
users-col-actions = Acciones
users-deactivated = desactivada
users-active = activa
users-must-choose = (debe elegir una contraseña)
users-has-second-factor = (segundo factor)
users-change-role = Cambiar función
users-of-you = de { $email } (usted)
users-of = de { $email }
users-your-password = Su contraseña
users-reset-password = Restablecer contraseña
users-deactivate = Desactivar
users-reactivate = Reactivar
users-remove = Eliminar
users-factor-heading = Segundo factor
users-factor-intro = Cualquier persona puede configurar una aplicación de autenticación en “Mi cuenta”. Cuando es obligatorio, a cada cuenta de administración y de coordinación que no lo tenga se le pide configurarlo en su siguiente página, antes que nada.
users-factor-require = Exigir un segundo factor a la administración y a la coordinación
users-save = Guardar
users-add-heading = Agregar un usuario
users-role-hint = (la facilitación no ve cifras; elija más solo cuando haga falta)
users-program-hint = (necesario para coordinación y facilitación; no para administración; opcional para financiadores)
users-no-program = — ninguno —
users-password = Primera contraseña
users-password-hint = (déjela vacía y Hearth crea una contraseña de un solo uso para entregársela; o escriba una de al menos { $min } caracteres. En cualquier caso, esa persona elige la suya la primera vez que inicie sesión)
users-add-button = Agregar usuario
users-no-such-program = Ese programa no existe (o ya no existe). Elija uno de la lista.
users-role-of = { $role } de { $program }
users-added-typed = Se agregó a { $email } con la función { $who }. Entréguele en persona la contraseña que escribió; la primera vez que inicie sesión elegirá la suya.
users-added = Se agregó a { $email } con la función { $who }.
users-nothing-changed-for = No se cambió nada para { $email }.
users-changed = Se cambió { $email }: { $detail }.
users-change-role-detail = función { $old } → { $new }
users-change-program-detail = programa { $old } → { $new }
users-change-no-program = ninguno
users-factor-bad-form = Ese formulario no lo envió la página de usuarios.
users-nothing-changed = No se cambió nada.
users-factor-now-required = Ahora se exige un segundo factor a la administración y a la coordinación: quienes no lo tengan lo configurarán en su siguiente página.
users-factor-now-optional = Ahora el segundo factor es opcional para todas las cuentas. Quienes ya lo tienen lo conservan.
users-reactivated = Se reactivó { $email }: puede volver a iniciar sesión con su contraseña.
users-error-email = { $email } no es una dirección de correo electrónico.
users-error-password = Las contraseñas deben tener entre { $min } y { $max } caracteres.
users-error-role = { $role } no es una función (administración, coordinación, facilitación, financiador o captura de datos).
users-error-needs-program = Una cuenta de { $role } debe pertenecer a un programa.
users-error-admin-program = La administración ve todos los programas; deje el programa vacío.
users-error-unknown-program = No hay ningún programa llamado { $program }.
users-error-taken = Ya existe una cuenta con el correo { $email }.
users-error-last-admin = Siempre debe haber una cuenta de administración activa, y { $email } es la única. Primero haga que otra cuenta sea de administración.
user-edit-title = Cuenta { $email }
user-edit-you = (usted)
user-edit-now = Ahora:
user-edit-of-program = de <strong>{ $program }</strong>
user-edit-deactivated = <strong>desactivada</strong>: no puede iniciar sesión
user-edit-must-choose = debe elegir una contraseña en su próximo inicio de sesión
user-edit-factor = segundo factor:
user-edit-factor-app = aplicación de autenticación
user-edit-factor-none = ninguno
user-edit-role-heading = Función y programa
user-edit-program-hint = (necesario para coordinación y facilitación; no para administración; opcional para financiadores: ninguno significa los informes de todos los programas)
user-edit-applies = El cambio se aplica desde su siguiente página: no necesita volver a iniciar sesión.
user-edit-lose-page = Si usted deja de ser de administración, pierde esta página.
user-edit-save = Guardar función y programa
user-edit-sign-in = Inicio de sesión
user-edit-reset-password = Restablecer la contraseña…
user-edit-reset-factor = Restablecer el segundo factor…
user-edit-factor-set = (aplicación de autenticación configurada)
user-edit-deactivate = Desactivar la cuenta…
user-edit-reactivate = Reactivar la cuenta
user-edit-remove = Eliminar la cuenta…
user-edit-own-password = Cambiar su propia contraseña
user-confirm-of-program = de { $program }
user-confirm-cancel = Cancelar
user-confirm-reset-heading = ¿Restablecer la contraseña de { $email }?
user-confirm-reset-1 = Hearth crea una nueva contraseña de un solo uso y se la muestra una vez, en la página siguiente. Su contraseña actual deja de funcionar de inmediato y se cierran todas sus sesiones.
user-confirm-reset-2 = Entréguele la contraseña de un solo uso en persona o léasela por teléfono, no por correo electrónico. Cuando inicie sesión con ella, elegirá su propia contraseña antes que nada.
user-confirm-reset-button = Restablecer la contraseña
user-confirm-deactivate-heading = ¿Desactivar { $email }?
user-confirm-deactivate-1 = Sus sesiones se cierran de inmediato y no puede iniciar sesión hasta que alguien de administración reactive la cuenta. Se conservan la cuenta, su función y su programa, y también lo que el registro de auditoría dice que hizo.
user-confirm-deactivate-2 = Úselo cuando alguien se ausente por un tiempo, o cuando no esté seguro; puede deshacerlo con “Reactivar”.
user-confirm-deactivate-button = Desactivar la cuenta
user-confirm-remove-heading = ¿Eliminar { $email }?
user-confirm-remove-1 = La cuenta se borra: sus sesiones se cierran de inmediato y nunca podrá volver a iniciar sesión con ella. No se puede deshacer; para que vuelva a entrar, alguien de administración agrega una cuenta nueva.
user-confirm-remove-2 = El registro de auditoría conserva lo que hizo, bajo su correo. Si puede necesitar la cuenta otra vez, desactívela en su lugar.
user-confirm-remove-button = Eliminar la cuenta
user-confirm-factor-heading = ¿Restablecer el segundo factor de { $email }?
user-confirm-factor-1 = Su aplicación de autenticación y sus códigos de recuperación dejan de funcionar de inmediato, y se cierran todas sus sesiones. Su contraseña sigue igual.
user-confirm-factor-2 = Hágalo solo cuando sepa que es esa persona quien lo pide: en persona, o en una llamada que usted hizo a un número que ya tenía. Si su función exige un segundo factor, configurará una aplicación nueva en su próximo inicio de sesión; si no, puede configurarla en “Mi cuenta”.
user-confirm-factor-button = Restablecer el segundo factor
user-confirm-not-yourself-reset = Cambie su propia contraseña en “Mi cuenta”.
user-confirm-not-yourself-deactivate = No puede desactivar su propia cuenta mientras tenga la sesión iniciada con ella. Pídaselo a otra persona de administración.
user-confirm-not-yourself-remove = No puede eliminar su propia cuenta mientras tenga la sesión iniciada con ella. Pídaselo a otra persona de administración.
user-confirm-not-yourself-factor = Quite su propio segundo factor en “Mi cuenta” (con un código de él), o pídaselo a otra persona de administración.
user-confirm-reset-done = Se restableció la contraseña de { $email } y se cerraron sus sesiones.
user-confirm-deactivate-done = Se desactivó { $email }: se cerraron sus sesiones y no puede iniciar sesión. “Reactivar” lo deshace.
user-confirm-factor-done = Se restableció el segundo factor de { $email } y se cerraron sus sesiones. Su contraseña sigue funcionando.
user-confirm-remove-done = Se eliminó { $email }. Lo que hizo sigue en el registro de auditoría.
catalog-title = Programas y círculos
catalog-add-program = Agregar un programa
catalog-program-name = Nombre del programa
catalog-add-program-button = Agregar programa
catalog-add-circle = Agregar un círculo
catalog-program = Programa
catalog-circle-name = Nombre del círculo
catalog-add-circle-button = Agregar círculo
catalog-heading = El catálogo
catalog-intro = Un programa o un círculo nunca se borra: sus sesiones forman parte de cifras publicadas. Cámbielo de nombre (su historial sigue al nombre nuevo) o archívelo cuando deje de reunirse (no admite sesiones nuevas; su historial se conserva en todas las páginas e informes).
catalog-no-programs = Todavía no hay programas.
catalog-archived-on = archivado el { $date }
catalog-rename = Cambiar nombre
catalog-language = Idioma de participantes
catalog-of = de { $name }
catalog-restore = Restaurar
catalog-archive = Archivar
catalog-no-circles = Todavía no hay círculos.
catalog-crisis-heading = A dónde acudir en una crisis
catalog-crisis-intro = La página de agradecimiento termina con esta línea, en el idioma de la persona participante. La línea de un programa tiene prioridad sobre la de la organización; deje un campo vacío para usar la predeterminada de ese idioma. Solo texto simple, una línea, como máximo { $max } caracteres.
catalog-crisis-line-in = Línea de crisis en { $language }
catalog-crisis-left-empty = Si se deja vacío: { $otherwise }
catalog-save = Guardar
catalog-crisis-save-for = la línea de crisis de { $title }
catalog-crisis-built-in = la línea incorporada (salvo que el servidor se haya iniciado con --crisis-line): “{ $line }”
catalog-crisis-organization-line = la línea de la organización en este idioma
catalog-crisis-whole-organization = Toda la organización
catalog-crisis-choose-program = Elija un programa para la línea.
catalog-crisis-for-organization = toda la organización
catalog-crisis-saved = Se guardó la línea de crisis de { $name }. La página de agradecimiento la muestra desde ahora.
catalog-crisis-unchanged = La línea de crisis de { $name } ya estaba así: no se cambió nada.
catalog-crisis-too-long = La línea en { $language } debe tener como máximo { $max } caracteres.
catalog-program-added = Se agregó el programa “{ $name }”.
catalog-program-exists = Ya hay un programa llamado “{ $name }”: no se agregó nada.
catalog-choose-program = Elija un programa para el círculo.
catalog-circle-added = Se agregó el círculo “{ $name }” a { $program }.
catalog-circle-exists = { $program } ya tiene un círculo llamado “{ $name }”: no se agregó nada.
catalog-kind-program = programa
catalog-kind-circle = círculo
catalog-error-empty-program = El nombre del programa no puede estar vacío.
catalog-error-empty-circle = El nombre del círculo no puede estar vacío.
catalog-error-long-program = El nombre del programa debe tener como máximo { $max } caracteres.
catalog-error-long-circle = El nombre del círculo debe tener como máximo { $max } caracteres.
catalog-error-program-taken = Ya hay un programa llamado “{ $name }”: dos programas con un mismo nombre se leerían como un solo historial. Elija otro nombre.
catalog-error-circle-taken = Este programa ya tiene un círculo llamado “{ $name }”: dos círculos con un mismo nombre se leerían como un solo historial. Elija otro nombre.
catalog-error-archived-program = El programa “{ $name }” está archivado: no admite sesiones nuevas. Una persona de administración puede restaurarlo en la página Programas y círculos.
catalog-error-archived-circle = El círculo “{ $name }” está archivado: no admite sesiones nuevas. Una persona de administración puede restaurarlo en la página Programas y círculos.
archive-crumb = archivar
archive-crumb-restore = restaurar
archive-heading = ¿Archivar { $name }?
archive-restore-heading = ¿Restaurar { $name }?
archive-already = { $name } ya está archivado.
archive-not-archived = { $name } no está archivado.
archive-intro-program = Archive un programa que ha dejado de reunirse. Archivarlo:
archive-intro-circle = Archive un círculo que ha dejado de reunirse. Archivarlo:
archive-stops = <strong>detiene las sesiones nuevas</strong>:
archive-stops-program = { $n ->
    [one] su único círculo no puede abrir ninguna, y no admite círculos nuevos
   *[other] ninguno de sus { $n } círculos puede abrir una, y no admite círculos nuevos
}
archive-stops-circle = la facilitación ya no lo ve en su escritorio, y no se puede abrir ninguna sesión para él
archive-keeps = <strong>conserva su historial</strong>: cada publicación que contó sus sesiones queda como está, y sus cifras siguen en todas las páginas e informes, marcadas como “archivado”;
archive-lets-run = <strong>deja que las sesiones ya abiertas lleguen a su fin</strong>: la reunión ya ocurrió y las personas que estaban ahí tienen su enlace o sus tarjetas, así que sus respuestas se siguen aceptando hasta que cierre el plazo de la sesión. La facilitación aún puede cerrar una antes desde su escritorio.
archive-none-open = Ninguna de sus sesiones está recibiendo respuestas ahora.
archive-open-now = Sesiones que reciben respuestas ahora:
archive-open-until = abierta hasta { $time }
archive-can-restore = Puede restaurarlo más adelante: al archivar no se pierde nada.
archive-restoring = Restaurar { $name } permite que la facilitación vuelva a abrir sesiones para él. Su historial no cambia.
archive-program-archived = Su programa también está archivado: no se puede abrir ninguna sesión para este círculo hasta que también se restaure el programa.
archive-button = Archivar { $name }
archive-restore-button = Restaurar { $name }
archive-keep-active = Mantenerlo activo
archive-leave-archived = Dejarlo archivado
archive-back = Volver a programas y círculos
archive-done = Se archivó “{ $name }”. No admite sesiones nuevas; su historial se conserva en todas las páginas e informes, marcado como archivado.
archive-restored = Se restauró “{ $name }”. Vuelve a admitir sesiones nuevas.
archive-was-archived = “{ $name }” ya estaba archivado: no se cambió nada.
archive-was-not-archived = “{ $name }” no estaba archivado: no se cambió nada.
rename-crumb = cambiar nombre
rename-heading = Cambiar el nombre de { $name }
rename-kept-program = Sus cifras publicadas las conserva el propio programa, no su nombre: después de cambiarlo, cada página, informe y exportación —incluidos los meses publicados— muestra el nombre nuevo.
rename-kept-circle = Sus cifras publicadas las conserva el propio círculo, no su nombre: después de cambiarlo, cada página, informe y exportación —incluidos los meses publicados— muestra el nombre nuevo.
rename-unique-circle-of = Ningún otro círculo de { $program } puede tener el mismo nombre, porque entonces dos historiales se leerían como uno. El registro de auditoría conserva el nombre anterior.
rename-unique-circle = Ningún otro círculo de su programa puede tener el mismo nombre, porque entonces dos historiales se leerían como uno. El registro de auditoría conserva el nombre anterior.
rename-unique-program = Ningún otro programa puede tener el mismo nombre, porque entonces dos historiales se leerían como uno. El registro de auditoría conserva el nombre anterior.
rename-new-name = Nombre nuevo
rename-button = Cambiar nombre
rename-keep = Conservar el nombre
rename-done = Se cambió el nombre de “{ $old }” a “{ $new }”. Su historial lo sigue: cada página e informe, incluidos los meses publicados, muestra ahora el nombre nuevo.
rename-unchanged = “{ $name }” conservó su nombre: no se cambió nada.
tokens-title = Claves de API
tokens-intro = Una clave permite que las herramientas propias de un programa o de un financiador lean cifras publicadas desde <code>/api/v1</code>: exactamente lo que ve la coordinación de su programa, o un financiador, con la sesión iniciada: celdas publicadas, publicaciones y el diccionario de datos; nada sin publicar y nada sobre una sesión en particular. Hearth guarda solo una forma cifrada de cada clave y el día en que se usó por última vez.
tokens-shown-heading = Clave { $name }
tokens-shown-note = <strong>Solo se muestra esta vez</strong>: cópiela ahora en la herramienta que la usará. Quien la tenga puede leer lo que ella lee, así que no la envíe por correo electrónico ni por chat. Si se pierde, revóquela y cree otra.
tokens-none = Todavía no hay claves.
tokens-table-label = Claves de API (tabla)
tokens-col-name = Nombre
tokens-col-sees-as = Ve como
tokens-col-program = Programa
tokens-col-made = Creada
tokens-col-last-used = Último uso
tokens-col-actions = Acciones
tokens-all-programs = todos los programas
tokens-never = nunca
tokens-revoked-on = revocada el { $date }
tokens-revoke = Revocar
tokens-make-heading = Crear una clave
tokens-name-hint = (para qué es, p. ej., “Panel de la junta directiva”)
tokens-program-hint = (necesario para coordinación; para un financiador, ninguno significa todos los programas)
tokens-make-button = Crear clave
tokens-revoke-heading = ¿Revocar { $name }?
tokens-sees-as = Ve como { $audience }
tokens-of-program = de { $program }
tokens-last-used-on = último uso: { $date }
tokens-last-used-never = nunca se ha usado
tokens-revoke-note = Desde ahora se rechaza toda solicitud que la use. No se puede deshacer: cree una clave nueva si vuelve a hacer falta.
tokens-cancel = Cancelar
tokens-no-such-program = Ese programa no existe (o ya no existe). Elija uno de la lista.
tokens-revoked = Se revocó { $name }: desde ahora no lee nada.
tokens-error-no-name = Póngale un nombre a la clave, para distinguirla en la lista.
tokens-error-long-name = El nombre es demasiado largo: 80 caracteres como máximo.
tokens-error-manager-program = Una clave de coordinación necesita un programa: ve lo que ve la coordinación de ese programa.
tokens-error-taken = Ya hay una clave llamada { $name }: elija otro nombre.
webhooks-title = Webhooks y resúmenes
webhooks-digests-heading = Resúmenes de publicación por correo electrónico
webhooks-mail-ready = Hay un servidor de correo configurado: cuando se publica un mes o un trimestre, cada cuenta de coordinación, financiador y administración que no haya desactivado los resúmenes en “Mi cuenta” recibe un correo con lo que su función puede ver.
webhooks-no-mail = No hay ningún servidor de correo configurado, así que no se envían resúmenes. Quien administra Hearth configura uno con <code>HEARTH_SMTP_URL</code> (docs/deploy.md); <code>hearth digest --period P --dry-run</code> muestra lo que se enviaría.
webhooks-heading = Webhooks
webhooks-intro = Un webhook avisa a otro sistema de que se publicaron cifras: un POST firmado por cada publicación y receptor, con el periodo, su nivel, cuándo se publicó y un enlace, y nunca nada sobre una respuesta o una sesión en particular. docs/webhooks.md explica cómo un receptor comprueba la firma.
webhooks-secret-heading = Secreto de firma para { $url }
webhooks-secret-note = <strong>Solo se muestra esta vez</strong>: póngalo ahora en el receptor, que lo usa para comprobar que cada solicitud viene de Hearth. Si se pierde, elimine el webhook y agréguelo otra vez.
webhooks-none = Todavía no hay webhooks.
webhooks-table-label = Webhooks (tabla)
webhooks-col-receiver = Receptor
webhooks-col-added = Agregado
webhooks-col-actions = Acciones
webhooks-remove = Eliminar
webhooks-add-heading = Agregar un webhook
webhooks-url = Dirección del receptor
webhooks-url-hint = (https://…)
webhooks-add-button = Agregar webhook
webhooks-log-heading = Registro de entregas
webhooks-log-none = Todavía no se ha enviado nada: la primera publicación después de agregar un webhook es la primera entrega.
webhooks-log-label = Registro de entregas (tabla)
webhooks-col-period = Periodo
webhooks-col-state = Estado
webhooks-col-attempts = Intentos
webhooks-col-last-answer = Última respuesta
webhooks-col-last-change = Último cambio
webhooks-col-next = Próximo intento
webhooks-state-pending = en espera de reintento
webhooks-state-sending = enviando
webhooks-state-sent = entregado
webhooks-state-failed = abandonado
webhooks-receiver-removed = (eliminado)
webhooks-remove-title = Eliminar un webhook
webhooks-remove-heading = ¿Eliminar este webhook?
webhooks-remove-note = Desde ahora no recibe aviso de ninguna publicación, y las entregas que esperaban un reintento se abandonan. Agréguelo de nuevo para obtener un secreto nuevo.
webhooks-cancel = Cancelar
webhooks-removed = Se eliminó { $url }: desde ahora no recibe aviso de ninguna publicación.
webhooks-error-not-a-url = Escriba la dirección completa del receptor, que empiece por https:// o http://.
webhooks-error-scheme = Solo las direcciones http:// y https:// pueden recibir webhooks.
webhooks-error-credentials = No se aceptan direcciones que contengan un nombre de usuario o una contraseña: la firma es lo que le indica al receptor que la solicitud viene de Hearth.
webhooks-error-too-long = Esa dirección tiene más de { $max } caracteres.
webhooks-error-duplicate = Esa dirección ya está registrada.
