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

## Páginas de cifras: el informe del programa, las acciones, la primera publicación y el
## informe del financiador (program_report.html, actions.html, action.html,
## action_archive.html, first_release.html, report.html; dashboards/src/{manager,actions,
## first_release,attention,funder,charts}.rs)

report-dictionary-csv = Diccionario de datos (CSV)
report-print-hint = Para imprimirlo o guardarlo como PDF, use la opción Imprimir de su navegador.
report-col-quarter = Trimestre
report-col-better-plain = "Me voy mejor", media de 1 a 5
report-col-better = “Me voy mejor”, media de 1 a 5
report-how-to-read = Cómo leer este informe
prog-report-title = { $program } — informe del programa
prog-report-sub = informe del programa
prog-report-intro = Cómo valoraron las personas participantes sus sesiones de apoyo entre pares en { $program }
prog-report-intro-quarter = en el último trimestre publicado, { $quarter } ({ $months }),
prog-report-intro-span = y mes a mes de { $first } a { $last }
prog-report-intro-end = , y las acciones que tomó el programa.
prog-report-ranges = Cada cifra tiene un intervalo (±) y algunas se ocultan para proteger el anonimato de las personas participantes: <a href="#how-to-read">Cómo leer este informe</a>, al final, explica ambas cosas.
prog-report-csv-note = : cada cifra publicada del programa, mes a mes y trimestre a trimestre, y qué significa cada columna.
prog-report-latest-quarter = El último trimestre
prog-report-released = { $quarter } se publicó el
prog-report-quarter-table-label = El último trimestre (tabla)
prog-report-options-intro = Proporción de respuestas de { $quarter } que marcaron cada opción.
prog-report-by-month = Mes a mes
prog-report-months-intro = { $n ->
    [one] Proporción de respuestas positivas en cada índice, en el último mes publicado.
   *[other] Proporción de respuestas positivas en cada índice, en los últimos { $n } meses publicados.
}
prog-report-marks = Las marcas A1, A2… son las acciones que se enumeran más abajo.
prog-report-col-released = Publicado
prog-report-statements-latest = La respuesta media del programa a cada afirmación, de 1 (totalmente en desacuerdo) a 5 (totalmente de acuerdo), en el último mes. La pertenencia son las tres primeras afirmaciones; la seguridad emocional, las cuatro siguientes.
prog-report-statements-together = La respuesta media del programa a cada afirmación, de 1 (totalmente en desacuerdo) a 5 (totalmente de acuerdo), en { $months } tomados en conjunto: un solo mes suele tener muy pocas respuestas para leer una afirmación. La pertenencia son las tres primeras afirmaciones; la seguridad emocional, las cuatro siguientes.
prog-report-months-together = { $months } en conjunto
prog-report-circle-actions = { $n ->
    [one] Se tomó { $n } acción más
   *[other] Se tomaron { $n } acciones más
} para círculos concretos del programa; las páginas de los círculos las enumeran.
prog-report-how = Ninguna cifra de esta página se calculó a partir de las respuestas de nadie al abrir este informe: cada mes y cada trimestre se contó una sola vez, después de cerrarse, y se publicó. Las cifras publicadas nunca cambian. <strong>% positivo</strong> es la proporción de respuestas que, en conjunto, estuvieron de acuerdo con las afirmaciones sobre pertenencia (o sobre seguridad emocional): su respuesta media a ellas es mayor que 3,5; <strong>“me voy mejor”</strong> es la respuesta media a esa afirmación, de 1 (totalmente en desacuerdo) a 5 (totalmente de acuerdo).
prog-report-nodata-legend = no se publicó nada del programa en ese periodo
prog-report-shown-together = { $n ->
    [one] { $n } mes mostrado en conjunto
   *[other] { $n } meses mostrados en conjunto
}
prog-report-the-months-together = los meses en conjunto
prog-report-unreadable = Con este tamaño, las respuestas medias a las afirmaciones son demasiado inciertas para leerlas: sus intervalos de ruido superan ±{ $mean } en la escala del 1 al 5.
prog-report-mixed = Por qué, con las mismas respuestas, unas afirmaciones se pueden leer y otras son demasiado inciertas ({ $months }): el intervalo de una afirmación depende de cuántas personas la respondieron —cualquiera puede omitir una, mientras que “respuestas” cuenta cada formulario— y de dónde queda su media, ya que el ruido de privacidad mueve una media más cuanto más lejos está del centro de la escala. Por eso las afirmaciones cercanas al límite de ±{ $mean } quedan a uno u otro lado. “Demasiado incierta” no dice nada sobre si una afirmación tuvo un resultado bueno o malo; los meses en conjunto se leen con más seguridad.
chart-trend-title = { $who }: pertenencia y seguridad, % positivo por mes, con intervalos del 90 % que cuentan el muestreo
chart-belonging-series = Pertenencia — % positivo
chart-safety-series = Seguridad emocional — % positivo
chart-archived-circle = { $circle } (archivado)
chart-heat-title = { $who }: { $index }, % positivo, círculo por mes
chart-first-title = { $who }: participantes por primera vez y que regresan, por mes
chart-helped-title = { $who }, { $quarter }: qué ayudó, % de respuestas
chart-hindered-title = { $who }, { $quarter }: qué estorbó, % de respuestas
chart-uncertain = incierta
first-release-overview-title = { $program } — resumen
actions-title = { $program } — acciones
actions-crumb = acciones
actions-page-intro = Anote lo que hace después de leer las cifras —“empezamos cada reunión leyendo las normas del grupo”—, para un círculo o para todo el programa. Los gráficos de tendencia marcan el mes de cada acción, y la página de cada acción compara las cifras publicadas de antes y de después. Puede contarles a las personas participantes de un círculo lo que hizo, en una línea corta en su formulario.
actions-recorded = Acciones registradas
actions-none-yet = Todavía no hay ninguna acción registrada.
actions-body-hint = (hasta { $n } caracteres; lo ve el personal, no las personas participantes)
actions-record-button = Registrar la acción
action-for = Para
action-whole-program = Todo el programa
action-circle-option = Círculo { $circle }
action-archived-option = (archivado)
action-what = Qué se hizo
action-day = Día en que se tomó
action-scope-circle = círculo { $circle }
action-scope-program = todo el programa
action-page-title = Acción del { $date } — { $program }
action-title = Acción del { $date }
action-recorded-by = Registrada por { $who }.
action-before-after = Antes y después
action-compare-circle = Las cifras publicadas del círculo en hasta tres meses antes del mes de la acción, frente a hasta tres meses después. Un cambio después de una acción no prueba que la acción lo causara, pero vale la pena saberlo.
action-compare-program = Las cifras publicadas del programa en hasta tres meses antes del mes de la acción, frente a hasta tres meses después. Un cambio después de una acción no prueba que la acción lo causara, pero vale la pena saberlo.
action-too-little = Todavía hay muy pocos datos publicados para saberlo. La comparación necesita meses publicados a ambos lados del mes de la acción, con al menos 20 respuestas en cada lado.
action-figures = Alrededor de { $before } % positivo en { $before_months } y alrededor de { $after } % en { $after_months }
action-month-span = de { $first } a { $last }
action-clear = { $figures }. Un cambio así de grande ocurre por azar { $chance }, contando el ruido añadido por privacidad y el azar de quién respondió.
action-unclear = { $figures }. Un cambio de este tamaño está dentro de lo que producen el ruido y el azar, así que estas cifras no permiten saber si algo cambió.
action-chance-1000 = menos de 1 vez de cada 1000
action-chance-100 = menos de 1 vez de cada 100
action-chance-20 = menos de 1 vez de cada 20
action-tell = Contarlo a las personas participantes
action-tell-circle-only = Solo una acción de un círculo se puede contar a las personas participantes: su línea aparece en el formulario y en la página de agradecimiento de ese círculo, en ningún otro lugar. Regístrela para un círculo para usar esto.
action-tell-intro = Una línea corta en el formulario y la página de agradecimiento de este círculo solamente: lo que las personas participantes le dijeron y lo que usted hizo.
action-line-rule = Nunca una cifra: ningún porcentaje, proporción ni número de personas, en cifras o en palabras; no “80 %”, “la mitad de ustedes”, “la mayoría de ustedes” ni “3 de cada 10”. Diga lo que escuchó, no cuántas personas lo dijeron; otros números (“diez minutos”, “a las 7 de la tarde”) están bien.
action-now-read = Las personas participantes leen ahora:
action-line-en = La línea, en inglés
action-line-hint = (hasta { $n } caracteres)
action-line-placeholder = You told us meetings felt rushed. We now keep the last ten minutes for check-out.
action-line-es = En español
action-line-es-hint = (opcional; sin ella, quienes leen en español ven la línea en inglés)
action-save-line = Guardar la línea
action-publish = Publicar para las personas participantes
action-withdraw = Dejar de contarlo
action-change = Cambiar la acción
action-save-changes = Guardar los cambios
action-archive-link = Archivar esta acción…
action-archived-note = Esta acción está archivada: ya no aparece en los gráficos ni ante las personas participantes. El registro de auditoría conserva su historial.
action-archive-page-title = ¿Archivar la acción del { $date }?
action-archive-crumb = archivar
action-archive-title = ¿Archivar la acción del { $date }?
action-archived-already = Esta acción ya está archivada.
action-back = Volver a las acciones
action-archive-explain = Al archivarla, sale de la lista de acciones y de los gráficos de tendencia. No se puede recuperar; el registro de auditoría conserva constancia de ella.
action-archive-explain-told = Al archivarla, sale de la lista de acciones y de los gráficos de tendencia, y <strong>ya no se les cuenta a las personas participantes del círculo</strong>. No se puede recuperar; el registro de auditoría conserva constancia de ella.
action-archive-button = Archivar la acción
action-keep = Conservarla
action-recorded = Se registró la acción. Su mes se marca en el gráfico de tendencia cuando se publique.
action-archived-no-change = Esta acción está archivada: ya no se puede cambiar.
action-saved = Se guardaron los cambios de la acción.
action-unchanged = La acción ya estaba así: no cambió nada.
action-moved = Ahora es para otro círculo, así que su línea ya no se muestra a las personas participantes.
action-archived-no-publish = Esta acción está archivada: ya no se les cuenta a las personas participantes.
action-line-unchanged = Las personas participantes ya leen exactamente esto: no cambió nada.
action-withdrawn = Ya no se les cuenta esta acción a las personas participantes.
action-published = Publicada: el formulario y la página de agradecimiento del círculo muestran ahora esta línea a sus participantes.
action-archived-done = Se archivó la acción del { $date }. Ya no aparece en los gráficos.
action-archived-done-told = Se archivó la acción del { $date }. Ya no aparece en los gráficos ni ante las personas participantes.
action-archived-before = Esa acción ya estaba archivada.
action-problem-empty-body = Escriba qué se hizo.
action-problem-long-body = La acción debe tener { $n } caracteres o menos.
action-problem-bad-date = Indique el día en que se tomó la acción, como fecha (por ejemplo, 2026-09-14).
action-problem-far-date = El día puede estar, como mucho, a un año de hoy.
action-problem-unknown-circle = Elija uno de los círculos del programa, o todo el programa.
action-problem-empty-line = Escriba la línea que leerán las personas participantes, o retírela.
action-problem-long-line = La línea debe tener { $n } caracteres o menos: las personas participantes la leen en un teléfono.
action-problem-figure = La línea no puede decir cuántas personas dijeron algo —ningún porcentaje, proporción ni número de personas, en cifras o en palabras (“80 %”, “la mitad de ustedes”, “la mayoría de ustedes”, “3 de cada 10”)—: a las personas participantes nunca se les muestra una cifra, solo lo que usted escuchó y lo que se hizo.
action-problem-program-wide = Solo una acción de un círculo se puede contar a las personas participantes: la ven en el formulario de ese círculo.
first-release-heading = Todavía no hay cifras
first-release-how = Cada cifra de esta página viene de una publicación: un mes se cuenta una sola vez, después de terminar, con ruido que mantiene ocultas las respuestas de cada persona, y nunca cambia después. Nada se calcula a partir de las respuestas a medida que llegan.
first-release-none-yet = Todavía no se ha publicado ningún mes de { $name }, así que no hay cifras que mostrar.
first-release-no-session = Todavía no ha tenido ninguna sesión. Cada mes se publica solo { $hours } horas después de terminar; las primeras cifras llegan después del primer mes en que se reúna.
first-release-comes = La primera publicación, de { $month }, llega el { $day } o poco después: Hearth publica cada mes por sí solo { $hours } horas después de que termina, una vez cerradas todas las sesiones de ese mes.
first-release-was-due = La primera publicación, de { $month }, correspondía el { $day }: se hace sola en menos de una hora una vez cerradas todas las sesiones de ese mes (una persona de administración también puede hacerla con `hearth release --period { $period }`).
attn-as-a-whole = { $program } en su conjunto
attn-chance-more = más de 1 vez de cada 20
attn-fell = { $index } en { $subject } bajó de alrededor del { $before } % a alrededor del { $after } % entre { $from } y { $to }; una bajada así de grande ocurre por azar { $chance }, contando el ruido añadido por privacidad y el azar de quién respondió.
attn-rose = { $index } en { $subject } subió de alrededor del { $before } % a alrededor del { $after } % entre { $from } y { $to }; una subida así de grande ocurre por azar { $chance }, contando el ruido añadido por privacidad y el azar de quién respondió.
attn-how = Cada trimestre, cada círculo y el programa en su conjunto se comparan con el trimestre anterior en pertenencia y seguridad emocional. Un cambio solo aparece cuando es mayor de lo que pueden explicar el ruido añadido por privacidad y el azar de quién respondió, comprobado para todos los círculos del programa a la vez, de modo que, cuando nada ha cambiado, una falsa alarma aparece menos de 1 trimestre de cada 20. Las cifras ocultas nunca se comparan.
reports-page-title = Informes trimestrales
report-title = Informe del conjunto de programas { $quarter }
report-heading = Informe del conjunto de programas
report-intro = Cómo valoraron las personas participantes sus sesiones de apoyo entre pares en { $months }, programa por programa, y cómo se compara con trimestres anteriores.
report-released-on = Las cifras de este trimestre se publicaron el
report-summed = , como la suma de sus meses
report-summed-months = , cada uno publicado una sola vez después de cerrarse:
report-whole = , medidas para el trimestre en su conjunto
report-whole-months = ; sus meses se publicaron por separado:
report-month-on = { $month }, el
report-and = y
report-never-change = Las cifras publicadas nunca cambian.
report-csv-note = : qué significa cada columna y cada medida del CSV.
report-api = Las mismas cifras para sus propias herramientas, en JSON o CSV: <code>GET /api/v1/releases/{ $quarter }/cells</code>, con una clave de API que le crea una persona de administración de Hearth (la guía de la API es docs/api.md; <a href="/api/v1/openapi.json">su descripción</a>).
report-says-more = , al final, explica más.
report-nodata-legend = no se publicó nada de ese programa en este trimestre
report-glance = Los programas de un vistazo
report-glance-table-label = Los programas de un vistazo (tabla)
report-col-program = Programa
report-by-program = Programa por programa
report-bars-note = Las barras de los gráficos muestran el intervalo con muestreo de cada programa: donde las barras de dos programas se superponen, la diferencia entre ellos puede deberse al azar.
report-safety-caption = Seguridad emocional, % positivo
report-by-quarter = Trimestre a trimestre
report-trend-intro = Pertenencia y seguridad emocional, % positivo, en cada trimestre publicado hasta { $quarter }.
report-trend-intro-all = Pertenencia y seguridad emocional, % positivo, en cada trimestre publicado hasta { $quarter }, para cada programa y para todos los programas en conjunto.
report-trend-bars = Las barras muestran el intervalo con muestreo de cada trimestre: donde las barras de dos trimestres se superponen, el cambio entre ellos puede deberse al azar. Un trimestre rayado es demasiado incierto para leerlo; uno oculto tuvo muy pocas respuestas para mostrarlo.
report-trend-note = En los gráficos, { $note }
report-first-quarter = { $quarter } es el primer trimestre publicado, así que todavía no hay un trimestre anterior con el que compararlo.
report-trend-table-label = { $name }, trimestre a trimestre (tabla)
report-what-numbers = Qué son los números
report-numbers = Después de cada sesión, las personas participantes pudieron decir, de forma anónima y sin cuenta, cómo se sintieron en la sesión: si sintieron que pertenecían (3 afirmaciones), si se sintieron emocionalmente seguras (4 afirmaciones) y si se fueron mejor, cada una de 1 (totalmente en desacuerdo) a 5 (totalmente de acuerdo). Podían omitir cualquier afirmación.
report-numbers-terms = <strong>Respuestas</strong> es cuántos formularios de opinión enviaron las personas participantes durante el trimestre. <strong>% positivo</strong> es la proporción de respuestas que, en conjunto, estuvieron de acuerdo: su media en las afirmaciones que respondieron es mayor que 3,5, y respondieron al menos dos tercios de ellas. <strong>“Me voy mejor”</strong> es la respuesta media a esa afirmación, de 1 a 5. Las cifras de un trimestre son la suma de sus tres meses.
report-what-pm = Qué significa “±”
report-pm = Ninguna cifra de esta página es exacta, por dos razones. Primero, a cada recuento se le añadió a propósito una pequeña cantidad aleatoria, para que el informe diga muy poco sobre las respuestas de una persona: “72 % ± 3” significa que ese ruido añadido movió la cifra como mucho 3 puntos, 9 de cada 10 veces. Segundo, las personas que vinieron y respondieron son solo algunas de las que podrían haberlo hecho: “± 9 con muestreo” cuenta también ese azar. Use el intervalo más ancho, con muestreo, al comparar programas o trimestres: si dos intervalos se superponen, la diferencia entre ellos puede deberse al azar. Una cifra cercana al 0 % o al 100 % se da como intervalo (“91–100 %”), ya que ninguna proporción puede ser menor que 0 % ni mayor que 100 %.
report-why-hidden = Por qué se ocultan algunas cifras
report-hidden = Este informe muestra programas completos, nunca un solo grupo o sesión. Las cifras de un programa solo se muestran cuando tuvo suficientes respuestas en el trimestre —{ $k }, más un margen por el ruido—, de modo que un programa con menos de { $k } respuestas se muestra como mucho 1 vez de cada 100. También se ocultan algunas cifras mayores, cuando mostrarlas permitiría deducir una oculta restando: un programa cuyas cifras, restadas de “Todos los programas”, revelarían las de un programa oculto, o un trimestre que, junto a las cifras mensuales que ve la coordinación de su programa, revelaría un mes oculto. “Oculta para proteger el anonimato” no dice nada sobre si a un programa le fue bien o mal; “sin datos” significa que no se publicó nada de ese programa en ese trimestre.
report-what-uncertain = Qué significa “demasiado incierta para leerla”
report-uncertain = Donde llegaron pocas respuestas, el ruido añadido puede ser grande en comparación con la propia cifra. Cuando un porcentaje podría desviarse más de { $pct } puntos (o una media más de { $mean } en la escala del 1 al 5), el informe no muestra ningún número y dice “demasiado incierta para leerla”, con el número de respuestas que hay detrás. No es una puntuación baja ni alta: significa que no hubo suficientes respuestas para saberlo.
report-privacy-heading = Cómo se protege la privacidad de las personas participantes
report-privacy-summed = Ninguna cifra de esta página se calculó a partir de las respuestas de nadie al abrir este informe. Cada mes, una vez cerrado, se contó una sola vez —para cada grupo, cada programa y todos los programas en conjunto— y a cada recuento se le añadió una pequeña cantidad aleatoria. Después, los recuentos se ajustaron para que todo sume exactamente: los grupos con su programa, los programas con todos los programas y los tres meses con el trimestre. Este trimestre es simplemente la suma de sus tres meses, así que no revela nada que sus meses no hubieran revelado ya. Los porcentajes y las medias se calculan a partir de estos recuentos.
report-privacy-first = Ninguna cifra de esta página se calculó a partir de las respuestas de nadie al abrir este informe. Este trimestre se publicó con el método anterior de Hearth: sus recuentos se hicieron una sola vez, para el trimestre en su conjunto, y a cada uno se le añadió una pequeña cantidad aleatoria. Los porcentajes y las medias se calculan a partir de estos recuentos.
report-allowance = Cada programa tiene un margen de privacidad fijo para cada mes: un límite de cuánto puede revelar, todo junto, lo que se publica sobre ese mes acerca de las personas que respondieron. Hearth registra cada uso y se niega a publicar más sobre un mes cuando se agota su margen.
report-allowance-weekly = El margen se fijó para proteger todas las respuestas juntas de alguien que vino todas las semanas de un mes.
report-allowance-some = El margen se fijó para proteger { $n ->
    [one] una respuesta
   *[other] hasta { $n } respuestas
} de una persona en un mes: alguien que respondió todas las semanas está menos protegido, ya que sus respuestas juntas mueven más los recuentos.
report-allowance-response = La protección es para cada respuesta: alguien que respondió todas las semanas de un mes está menos protegido que alguien que respondió una vez.
report-allowance-end = Las personas participantes responden sin cuenta, y Hearth no guarda ningún identificador con sus respuestas. Las cifras publicadas nunca cambian, así que volver a abrir este informe nunca puede revelar más.
report-settings-below = Los parámetros exactos de esta protección están en el apéndice técnico, más abajo.
report-technical = Apéndice técnico: parámetros exactos de privacidad
report-technical-intro = Para especialistas en estadística y en revisión de privacidad. Las palabras en <code>este tipo de letra</code> son los nombres que usan el registro de privacidad, la configuración y la exportación CSV de Hearth; cada una se explica donde aparece.
report-dt-definition = Definición de privacidad
report-zcdp = Privacidad diferencial de concentración cero (zCDP), cuya pérdida se mide con ρ (<code>{ $key }</code>).
report-pure = Privacidad diferencial pura, cuya pérdida se mide con ε (<code>{ $key }</code>).
report-budget = El presupuesto es por programa y por mes, y protege todas las respuestas que una persona da ese mes hasta un número previsto (abajo); cada publicación que usa un mes cuenta contra él.
report-dt-loss = Pérdida de privacidad
report-loss-many = Como mucho { $answer } para cualquier respuesta dada a estos programas en cualquier mes de { $quarter }, sumando cada publicación que la usó
report-loss-one = Como mucho { $answer } para cualquier respuesta dada a este programa en cualquier mes de { $quarter }, sumando cada publicación que la usó
report-loss-zcdp = ; ε con δ = 10⁻⁶ según la conversión de Canonne, Kamath y Steinke (2020)
report-loss-planned = El presupuesto se previó para una persona que responde hasta { $n ->
    [one] { $n } vez
   *[other] { $n } veces
} al mes: todas sus respuestas juntas,
report-loss-weekly = Alguien que respondió todas las semanas (4 respuestas, que pueden caer en los mismos recuentos) queda en { $weekly }; una sola respuesta cuyo contenido cambió (que mueve dos recuentos, no uno), en { $changed }. Una persona que responde mes tras mes acumula estas pérdidas mes a mes.
report-loss-none = No hay ningún gasto registrado para los meses de { $quarter }.
report-quarter-adds-nothing = El trimestre en sí no añade nada ({ $unit } = 0).
report-dt-mechanism = Mecanismo
report-mechanism-gaussian = el mecanismo gaussiano discreto
report-mechanism-laplace = el mecanismo de Laplace discreto
report-mechanism-how = Se añade ruido entero a recuentos enteros con un muestreador exacto construido a partir de bits aleatorios, sin coma flotante, calibrado según la parte del presupuesto de cada medición y cuánto puede moverla una respuesta (un recuento de cada histograma).
report-dt-plan = Plan de medición
report-plan = Plan { $plan }.
report-plan-summed = Cada mes se mide una sola vez, como histogramas disjuntos, en tres niveles: <code>circle_month</code> (el mes de un círculo: Hearth llama círculo a cada grupo de apoyo entre pares de un programa), <code>program_month</code> (el mes de un programa) y <code>portfolio_month</code> (el mes de todos los programas). Unos mínimos cuadrados ponderados sobre todos los programas → programas → círculos hacen que los niveles sumen, y después los recuentos pasan a ser enteros no negativos con sumas exactas, de arriba abajo. Las filas de programas de este informe son celdas <code>program_quarter</code> (el trimestre de un programa) y su fila “Todos los programas” es la celda <code>portfolio_quarter</code> (el trimestre de todos los programas): cada una es la suma de los recuentos publicados de sus tres meses, sin medición ni gasto propios.
report-plan-first = El primer plan: cada nivel se midió por separado, incluidos <code>program_quarter</code> (el trimestre de un programa) y <code>portfolio_quarter</code> (el trimestre de todos los programas), las celdas de este informe.
report-dt-suppression = Supresión
report-suppression = Umbral k = { $k } respuestas (el umbral para financiadores). Una celda se muestra cuando su recuento publicado de respuestas alcanza k más ⌈2,33·√V⌉, siendo V la varianza del ruido de ese recuento (una aproximación normal), de modo que una celda con menos de k respuestas reales se muestra como mucho alrededor de 1 vez de cada 100. Supresión complementaria: las celdas ocultas deben alcanzar juntas el umbral, o se ocultan más: entre los programas dentro de todos los programas, y entre los meses de un programa dentro de su trimestre.
report-dt-ranges = Intervalos
report-ranges = “±” es el intervalo del 90 % del ruido (1,645 desviaciones estándar), a partir de la varianza del ruido que cada publicación guarda para sus recuentos. “Con muestreo” añade la varianza del muestreo (para una proporción, con el ajuste de Agresti y Coull). Una cifra es “demasiado incierta para leerla” cuando su intervalo de ruido supera ±{ $pct } puntos en un porcentaje o ±{ $mean } en una media de 1 a 5.
report-spends = Gastos detrás de este informe
report-spends-summed = Cada fila es una medición hecha en cada mes del trimestre, tal como la registra el registro de privacidad.
report-spends-first = Cada fila es una medición del trimestre, tal como la registra el registro de privacidad.
report-spend-explain = <strong>Gasto</strong>: la parte del presupuesto de esa medición, en { $unit } (<code>{ $key }</code>). <strong>Escala del ruido</strong>:
report-scale-zcdp = la varianza exacta σ² del ruido de cada recuento, con su desviación estándar σ
report-scale-pure = la escala exacta b del ruido de cada recuento, con su desviación estándar σ
report-ledger-page = La página del registro de privacidad de la administración enumera cada gasto de cada mes.
report-spends-table-label = Gastos detrás de este informe (tabla)
report-col-spent-in = Gastado en
report-col-level = Nivel
report-col-figures = Cifras
report-col-spend = Gasto
report-col-scale = Escala del ruido
report-all-programs = Todos los programas
report-starred = { $quarter }* incluye { $months }
chart-quarter-trend-title = { $who }: pertenencia y seguridad, % positivo por trimestre, con intervalos del 90 % que cuentan el muestreo
chart-by-program-title = { $index }, { $quarter }, % positivo por programa
report-level-circle_month = el mes de un círculo
report-level-program_month = el mes de un programa
report-level-portfolio_month = el mes de todos los programas
report-level-program_quarter = el trimestre de un programa
report-level-portfolio_quarter = el trimestre de todos los programas
report-group-indices = pertenencia y seguridad (% positivo)
report-group-items = las ocho afirmaciones (respuestas de 1 a 5 u omitidas)
report-group-first_time = primera vez o regresan
report-group-choices = qué ayudó y qué estorbó

## Primera línea: el escritorio de facilitación (sesiones, una sesión, cerrarla, tarjetas),
## el marco del formulario en papel, la captura de formularios en papel, el segundo factor,
## el segundo paso del inicio de sesión y los rechazos al iniciar sesión (contraseña e
## inicio de sesión único)

session-state-open = abierta
session-state-full = completa
session-state-closed-full = cerrada (estaba completa)
session-state-closed = cerrada
sessions-open-heading = Abrir una sesión
sessions-open-intro = Las personas participantes responden con el código o el enlace de la sesión mientras esté abierta. Las tarjetas son opcionales: el enlace de cada tarjeta funciona una sola vez, y las tarjetas se muestran solo ahora, al abrir la sesión.
sessions-no-circles = Su programa todavía no tiene círculos. Pida a una persona de administración que agregue uno.
sessions-held-on = Fecha de la reunión
sessions-held-on-hint = (como máximo una semana antes o después de hoy)
sessions-capacity = Máximo de respuestas
sessions-capacity-hint = (40 si lo deja vacío, o el número de tarjetas)
sessions-hours = Horas abierta
sessions-hours-hint = (24 si lo deja vacío)
sessions-tickets = Tarjetas
sessions-tickets-hint = (opcional, hasta 200)
sessions-kiosk = Para una tableta compartida
sessions-kiosk-hint = (una tableta que pasa de mano en mano en la sala: después de las respuestas de cada persona vuelve a un formulario vacío; no se combina con tarjetas)
sessions-open-button = Abrir la sesión
sessions-recent = Sesiones recientes
sessions-none = Todavía no hay sesiones.
sessions-count-note = Usted ve cuántas personas han respondido solo en las sesiones que abrió, y solo mientras estén abiertas. Las demás cuentas ven si una sesión está abierta, completa o cerrada, sin ningún recuento; cuando una sesión se cierra, nadie ve su recuento.
sessions-table-label = Sesiones recientes (tabla)
sessions-col-code = Código
sessions-col-date = Fecha
sessions-col-state = Estado
sessions-col-so-far = Respuestas hasta ahora
sessions-count-of = { $n } de { $capacity }
sessions-not-shown = no se muestra
sessions-opener-only = solo lo ve quien la abrió
sessions-choose-circle = Elija uno de los círculos de su programa.
sessions-date-format = Escriba la fecha de la sesión como AAAA-MM-DD.
sessions-date-near = La fecha de la reunión debe estar a { $days } días de hoy como máximo.
sessions-capacity-number = El máximo de respuestas debe ser un número entero.
sessions-hours-number = Las horas abierta deben ser un número entero.
sessions-tickets-number = Las tarjetas deben ser un número entero.
sessions-max-cards = Imprima como máximo { $n } tarjetas a la vez.
session-title = Sesión { $code }
session-heading = Sesión
session-until = hasta el { $time }
session-code-label = Código de la sesión { $code }
session-qr-label = Código QR del enlace a la sesión { $code }
session-go-to = Vaya a <strong class="link">{ $link }</strong>
session-go-to-ticket = Vaya a <strong class="link">{ $link }</strong> con su tarjeta
session-kiosk-heading = Tableta compartida
session-kiosk-text = Abra este enlace en la tableta y luego pásela de mano en mano. Después de las respuestas de cada persona vuelve sola a un formulario vacío, y la persona siguiente no puede ver las respuestas anteriores. El enlace deja de funcionar cuando se cierra la sesión. No lo comparta: a diferencia del código, no es para la sala.
session-count = Respuestas hasta ahora: <strong>{ $n }</strong> de { $capacity }.
session-count-hint = Solo usted ve este recuento, porque abrió esta sesión, y solo mientras esté abierta. Es únicamente un número: las respuestas nunca se muestran una por una.
session-refresh = Actualizar
session-closed-note = Su código y su enlace ya no aceptan respuestas. Nadie ve cuántas personas respondieron: sus respuestas contarán en la publicación de su mes.
session-opener-note = Solo la persona del personal que la abrió ve cuántas personas han respondido, y solo mientras esté abierta.
session-replace-intro = Las tarjetas se muestran una sola vez, cuando se crean. ¿Se perdieron o hay que imprimirlas de nuevo? Reemplace las que no se han usado: dejan de funcionar y usted recibe el mismo número de tarjetas nuevas.
session-replace-link = Reemplazar las tarjetas sin usar…
session-replace-opener-only = ¿Se perdieron tarjetas o hay que imprimirlas de nuevo? Solo la persona del personal que abrió esta sesión puede reemplazar sus tarjetas sin usar (cuántas quedan sin usar revelaría cuántas personas han respondido).
session-paper = ¿No hay teléfono? <a href="/staff/sessions/{ $code }/paper">Imprima formularios en papel</a> (en inglés o en español, una página cada uno). Una cuenta de captura de datos los captura mientras la sesión esté abierta.
session-close-link = Cerrar la sesión ahora…
session-close-title = ¿Cerrar la sesión { $code }?
session-close-crumb = cerrar
session-close-heading = ¿Cerrar la sesión <span class="code">{ $code }</span>?
session-close-text = Una vez cerrada, su código, su enlace y sus tarjetas ya no aceptan respuestas, y no se puede volver a abrir. Las respuestas que tiene contarán en la publicación de su mes.
session-close-paper-none = Formularios en papel: no se podrá capturar ninguno después del cierre, porque { $month } se publica a partir del { $released }.
session-close-paper-sooner = Después del cierre todavía se pueden capturar formularios en papel, mientras haya espacio: hasta el { $until } (cuando se publique { $month }, antes de que pasen { $days } días desde el cierre). Cuentan en la publicación de su mes.
session-close-paper-days = Después del cierre todavía se pueden capturar formularios en papel durante { $days } días, mientras haya espacio: hasta el { $until }. Cuentan en la publicación de su mes.
session-close-button = Cerrar la sesión
session-keep-open = Dejarla abierta
session-replace-title = ¿Reemplazar las tarjetas sin usar de { $code }?
session-replace-crumb = reemplazar tarjetas
session-replace-heading = ¿Reemplazar las tarjetas sin usar de <span class="code">{ $code }</span>?
session-replace-none = Todas las tarjetas de esta sesión ya se usaron: no hay nada que reemplazar. <a href="/staff/sessions/{ $code }">Volver a la sesión { $code }</a>
session-replace-text = { $n ->
    [one] Hearth no guarda ninguna copia de las tarjetas, así que no se pueden volver a imprimir. En su lugar, la tarjeta que aún no se ha usado deja de funcionar ahora, y usted recibe 1 tarjeta nueva para imprimir, que se muestra una sola vez.
   *[other] Hearth no guarda ninguna copia de las tarjetas, así que no se pueden volver a imprimir. En su lugar, las { $n } tarjetas que aún no se han usado dejan de funcionar ahora, y usted recibe { $n } tarjetas nuevas para imprimir, que se muestran una sola vez.
}
session-replace-used = Las tarjetas ya usadas siguen usadas, y la sesión sigue aceptando como máximo { $capacity } respuestas. Quien tenga una tarjeta antigua sin usar necesitará una nueva.
session-replace-button = Reemplazar las tarjetas sin usar
session-replace-keep = Conservar las tarjetas que tengo
tickets-title = Tarjetas · { $code }
tickets-crumb = tarjetas
tickets-heading = Tarjetas de { $code }
tickets-qr-label = Código QR del enlace de un solo uso de esta tarjeta
tickets-none = Esta sesión no tiene tarjetas: las personas participantes responden con su código o su enlace. <a href="/staff/sessions/{ $code }">Ver la sesión { $code }</a>.
tickets-shown = Estas tarjetas se mostraron una vez y no se pueden volver a mostrar: Hearth no guarda ninguna copia de las tarjetas, solo una huella que las marca como usadas. Recargar esta página no abre ninguna sesión nueva ni crea tarjetas nuevas.
tickets-unchanged = La sesión en sí no cambia. <a href="/staff/sessions/{ $code }">Ver la sesión { $code }</a>.
tickets-replace-hint = Si las tarjetas se perdieron o hay que imprimirlas de nuevo, <a href="/staff/sessions/{ $code }/replace-cards">reemplace las tarjetas sin usar</a>: dejan de funcionar y usted recibe el mismo número de tarjetas nuevas.
tickets-print-now = Imprímalas ahora: se muestran una sola vez. Si recarga esta página o sale de ella, desaparecen (no se abre ninguna sesión nueva). Una vez mostradas, Hearth no guarda ninguna copia de las tarjetas, solo una huella que las marca como usadas.
tickets-print-now-replacement = Imprímalas ahora: se muestran una sola vez. Si recarga esta página o sale de ella, desaparecen (las tarjetas a las que reemplazaron ya no funcionan; también puede reemplazar estas). Una vez mostradas, Hearth no guarda ninguna copia de las tarjetas, solo una huella que las marca como usadas.
tickets-count = { $n ->
    [one] { $n } tarjeta, una por persona. Use la opción Imprimir de su navegador: las tarjetas se imprimen de dos en dos, con líneas discontinuas para recortarlas, en papel A4 o carta.
   *[other] { $n } tarjetas, una por persona. Use la opción Imprimir de su navegador: las tarjetas se imprimen de dos en dos, con líneas discontinuas para recortarlas, en papel A4 o carta.
}
tickets-count-new = { $n ->
    [one] { $n } tarjeta nueva, una por persona. Use la opción Imprimir de su navegador: las tarjetas se imprimen de dos en dos, con líneas discontinuas para recortarlas, en papel A4 o carta.
   *[other] { $n } tarjetas nuevas, una por persona. Use la opción Imprimir de su navegador: las tarjetas se imprimen de dos en dos, con líneas discontinuas para recortarlas, en papel A4 o carta.
}
paper-form-title = Formulario en papel · { $code }
paper-form-crumb = Formulario en papel
paper-form-print = Imprima esta página (una hoja por persona). Idioma:
paper-form-typed-in = Los formularios que se devuelvan los captura una cuenta de captura de datos.
paper-entry-choose = Elija la sesión de la que vienen los formularios: su código está impreso en la parte superior de cada formulario. Una sesión acepta formularios en papel mientras está abierta y durante { $days } días después de cerrarse (nunca después de que se publique su mes), mientras tenga espacio; no se muestra cuánto espacio queda (revelaría cuántas personas han respondido). Si un lote no cabe, no se guarda nada: consulte a la persona facilitadora.
paper-entry-none = Ahora mismo ninguna sesión de su programa acepta formularios en papel: los formularios de una sesión se pueden capturar mientras está abierta y durante { $days } días después de cerrarse. Consulte a la persona facilitadora.
paper-entry-table-label = Sesiones que aceptan formularios en papel (tabla)
paper-entry-col-takes = Acepta formularios
paper-entry-col-until = Se pueden capturar hasta
paper-entry-full = completa
paper-entry-room = tiene espacio
paper-entry-closed-online = (cerrada en línea)
paper-entry-open-now = como máximo (abierta ahora)
paper-entry-title = Capturar formularios en papel · { $code }
paper-entry-crumb = Formularios en papel
paper-entry-takes-over = <strong>cerrada</strong>: ya no acepta formularios
paper-entry-takes-full = <strong>completa</strong>: ya no acepta formularios
paper-entry-check = Compruebe que el código de cada formulario sea <strong class="code">{ $code }</strong>.
paper-entry-until-over = Sus formularios en papel se podían capturar hasta el { $until }.
paper-entry-until-closed = Cerrada en línea; sus formularios en papel se pueden capturar hasta el <strong>{ $until }</strong> ({ $days } días después de cerrarse, y antes de que se publique su mes).
paper-entry-until-open = Abierta: sus formularios en papel se pueden capturar mientras esté abierta y durante { $days } días después de cerrarse, hasta el <strong>{ $until }</strong> como máximo (antes de que se publique su mes).
paper-entry-ratings = Afirmaciones 1–8
paper-entry-ratings-hint = (8 dígitos: de 1 a 5 según la casilla marcada, 0 si no hay ninguna)
paper-entry-first-time = 9. Primera vez
paper-entry-first-time-hint = (1 sí, 2 no, 0 o vacío si no hay respuesta)
paper-entry-helped = 10. Qué ayudó
paper-entry-helped-hint = (los números marcados, p. ej., 13; vacío si no hay ninguno)
paper-entry-hindered = 11. Qué estorbó
paper-entry-hindered-hint = (los números marcados; vacío si no hay ninguno)
paper-entry-last = Último formulario del lote (formulario { $n }): <span class="code">{ $form }</span>
paper-entry-add = Agregar este formulario
paper-entry-add-key = (tecla Enter)
paper-entry-save = { $n ->
    [one] Guardar el lote ({ $n } formulario)
   *[other] Guardar el lote ({ $n } formularios)
}
paper-entry-save-plus = { $n ->
    [one] Guardar el lote ({ $n } formulario + este)
   *[other] Guardar el lote ({ $n } formularios + este)
}
paper-entry-undo = Quitar el formulario { $n }
paper-entry-empty = Todavía no hay formularios en el lote.
paper-entry-unsaved = { $n ->
    [one] <strong>{ $n } formulario capturado, todavía sin guardar.</strong> Los formularios se guardan juntos, en orden mezclado, al guardar el lote; si sale de esta página, se pierden.
   *[other] <strong>{ $n } formularios capturados, todavía sin guardar.</strong> Se guardan juntos, en orden mezclado, al guardar el lote; si sale de esta página, se pierden.
}
paper-entry-keys = Qué significan los números
paper-entry-keys-helped = 10. Qué ayudó:
paper-entry-keys-hindered = 11. Qué estorbó:
paper-entry-note = Qué se guarda: solo las marcas, en orden mezclado, sin nada sobre cuándo ni quién las capturó. El registro de auditoría anota una línea por lote: que usted capturó un lote de formularios para esta sesión, no cuántos. Los formularios capturados después del cierre de la sesión se guardan volviendo a mezclar todas sus respuestas.
paper-entry-digits = afirmaciones { $ratings } · primera vez { $first } · ayudó { $helped } · estorbó { $hindered }
paper-entry-digits-none = ninguno
paper-entry-not-added = Este formulario no se agregó al lote.
paper-entry-nothing-saved = No se guardó nada.
paper-entry-kept-fields = El formulario de los campos sigue ahí, sin guardar.
paper-entry-kept-stack = { $n ->
    [one] El formulario que ya está en el lote sigue aquí, todavía sin guardar.
   *[other] Los { $n } formularios que ya están en el lote siguen aquí, todavía sin guardar.
}
paper-entry-kept-both = { $n ->
    [one] El formulario que ya está en el lote y el formulario de los campos siguen aquí, todavía sin guardar.
   *[other] Los { $n } formularios que ya están en el lote y el formulario de los campos siguen aquí, todavía sin guardar.
}
paper-entry-full-refused = Esta sesión no tiene espacio para tantos formularios: no se guardó nada. Consulte a la persona facilitadora.
paper-entry-over-refused = Esta sesión está cerrada, y sus formularios en papel se podían capturar hasta el { $until } ({ $days } días después de cerrarse, y antes de que se publique su mes): ya no acepta formularios.
paper-entry-released-refused = Esta sesión está cerrada y { $month } ya se publicó: sus cifras son definitivas, así que ya no acepta formularios.
paper-entry-unreadable = No se pudo leer el formulario { $n } del lote, así que se descartó el lote y no se guardó nada. Capture este lote otra vez.
paper-entry-took-off = Se quitó el formulario { $n } del lote ({ $form }): quedan { $left }.
paper-entry-type-first = Escriba primero los dígitos del formulario (Tab pasa de un campo a otro).
paper-entry-stack-full = El lote tiene { $max } formularios: guárdelo primero.
paper-entry-added = Formulario { $n } agregado al lote (todavía sin guardar).
paper-entry-in-fields = El formulario de los campos: { $problem }
paper-entry-correct-it = { $n ->
    [one] Corríjalo y vuelva a guardar, o vacíe sus campos para guardar solo el formulario que ya está en el lote.
   *[other] Corríjalo y vuelva a guardar, o vacíe sus campos para guardar solo los { $n } formularios.
}
paper-entry-stack-empty = El lote está vacío: capture primero un formulario.
paper-entry-save-at-most = Guarde como máximo { $max } formularios a la vez.
paper-entry-saved = { $n ->
    [one] Se guardó { $n } formulario en papel. Puede capturar el lote siguiente.
   *[other] Se guardaron { $n } formularios en papel. Puede capturar el lote siguiente.
}
second-factor-must = <strong>Su organización pide a las personas de administración y de coordinación que usen un segundo factor.</strong> Configure una aplicación de autenticación antes de continuar: toma un minuto.
second-factor-codes-heading = Sus códigos de recuperación
second-factor-codes-text = Su aplicación de autenticación está configurada. Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez en lugar de un código de la aplicación. <strong>Se muestran solo esta vez</strong>: anótelos o imprima esta página, y guárdelos en un lugar seguro.
second-factor-enrolled = Al iniciar sesión se le pide un código de su aplicación de autenticación después de la contraseña. Códigos de recuperación restantes: <strong>{ $n }</strong>.
second-factor-few-left = Quedan pocos: quite la aplicación y vuelva a configurarla para obtener otros nuevos.
second-factor-remove-heading = Quitar la aplicación de autenticación
second-factor-remove-label = Un código de la aplicación, o un código de recuperación
second-factor-remove-button = Quitar la aplicación
second-factor-lost = ¿Perdió su teléfono y sus códigos de recuperación? Una persona de administración puede restablecer su segundo factor.
second-factor-step-add = 1. Agregue Hearth a su aplicación
second-factor-scan = Abra su aplicación de autenticación (por ejemplo, Google Authenticator, Microsoft Authenticator, 1Password o FreeOTP), agregue una cuenta y escanee este código:
second-factor-by-hand = O escriba esta clave a mano en la aplicación (basada en el tiempo, 6 dígitos):
second-factor-step-type = 2. Escriba el código que muestra
second-factor-code-label = Código de seis dígitos
second-factor-confirm = Confirmar
second-factor-restart = Empezar de nuevo con otra clave
second-factor-why = Un segundo factor mantiene segura su cuenta aunque alguien descubra su contraseña: después de la contraseña, Hearth le pide un código de seis dígitos de una aplicación de autenticación de su teléfono. También recibe códigos de recuperación, para cuando no tenga el teléfono a mano.
second-factor-set-up = Configurar una aplicación de autenticación
second-factor-qr-label = Código QR para escanear con una aplicación de autenticación
second-factor-type-code = Escriba el código de seis dígitos que su aplicación muestra para Hearth.
second-factor-wrong-confirm = Ese código no es el que su aplicación muestra ahora. Compruebe que el reloj de la aplicación esté bien y escriba el código más reciente; todavía no se configuró nada.
second-factor-too-many = Se probaron demasiados códigos. Espere un minuto y vuelva a intentarlo.
second-factor-type-remove = Escriba un código de su aplicación (o un código de recuperación) para quitarla.
second-factor-wrong-remove = Ese código no es correcto. Su segundo factor no se quitó.
second-factor-removed = Se quitaron su aplicación de autenticación y sus códigos de recuperación: al iniciar sesión solo se le pide la contraseña.
sign-in-code-title = Iniciar sesión: código
sign-in-code-heading = Iniciar sesión: su código
sign-in-code-intro = Su contraseña era correcta. Ahora escriba el código de seis dígitos que su aplicación de autenticación muestra para Hearth.
sign-in-code-label = Código
sign-in-code-hint = (o uno de sus códigos de recuperación, que después deja de funcionar)
sign-in-code-lost = ¿Perdió su teléfono y sus códigos de recuperación? Pida a una persona de administración que restablezca su segundo factor.
sign-in-code-restart = Empezar de nuevo
sign-in-code-missing = Escriba el código de seis dígitos que su aplicación de autenticación muestra para Hearth, o uno de sus códigos de recuperación.
sign-in-code-no-key = Hearth no puede comprobar códigos del segundo factor en este momento: su servidor está configurado sin la clave con la que se configuró su aplicación. Avise a quien administra Hearth; una persona de administración también puede restablecer su segundo factor.
sign-in-code-wrong = Ese código no es correcto. Escriba el código más reciente que muestra su aplicación (cambia cada 30 segundos), o un código de recuperación.
sign-in-code-recovery-used = Inició sesión con un código de recuperación, que ya no funciona. Códigos de recuperación restantes: { $left }. Si perdió su teléfono, quite aquí la aplicación y vuelva a configurarla en uno nuevo.
sign-in-refused-empty = Escriba su correo electrónico y su contraseña.
sign-in-refused-too-many = Demasiados intentos de inicio de sesión para esta cuenta. Espere un minuto y vuelva a intentarlo.
sign-in-refused-no-match = Ese correo electrónico y esa contraseña no corresponden a ninguna cuenta.
sign-in-refused-deactivated = Esta cuenta se desactivó. Pida a una persona de administración que la reactive si la necesita.
sign-in-refused-expired = Esa contraseña de un solo uso caducó: funcionaba durante { $hours } después de crearse. Pida que le restablezcan la contraseña otra vez.
sign-in-refused-used = Esa contraseña de un solo uso ya se usó: sirve para un solo inicio de sesión, y después había que elegir una contraseña propia. Pida que le restablezcan la contraseña otra vez.
sso-refused-title = No se inició sesión
sso-refused-back = Volver a la página de inicio de sesión
sso-refused-not-set-up = El inicio de sesión con una cuenta de trabajo no está configurado aquí. Inicie sesión con su correo electrónico y su contraseña.
sso-refused-no-pending = Este inicio de sesión ya se usó o tardó demasiado. Empiece de nuevo desde la página de inicio de sesión.
sso-refused-state = Esta respuesta del inicio de sesión de su organización no corresponde al inicio de sesión que usted comenzó aquí, así que no se usó. Empiece de nuevo desde la página de inicio de sesión.
sso-refused-provider-said = El inicio de sesión de su organización no le dejó pasar ({ $code }). Empiece de nuevo o consulte a su equipo de informática.
sso-refused-provider = No se pudo contactar con el inicio de sesión de su organización, o no respondió como el que se configuró en Hearth. Vuelva a intentarlo en un momento; si sigue pasando, avise a quien administra Hearth.
sso-refused-token = El inicio de sesión de su organización respondió, pero no se pudo verificar su respuesta, así que no se inició sesión. Empiece de nuevo; si sigue pasando, avise a quien administra Hearth.
sso-refused-unverified = Su organización no ha confirmado su dirección de correo electrónico, así que Hearth no puede saber cuál es su cuenta. Consulte a su equipo de informática.
sso-refused-no-email = El inicio de sesión de su organización no indicó su dirección de correo electrónico, así que Hearth no puede saber cuál es su cuenta. Consulte a quien administra Hearth.
sso-refused-domain = El dominio del correo de su cuenta de trabajo no es uno que Hearth acepte para este inicio de sesión. Inicie sesión con su correo electrónico y su contraseña, o consulte a una persona de administración.
sso-refused-no-account = No hay ninguna cuenta de Hearth para su correo de trabajo. Pida a una persona de administración que le agregue; iniciar sesión no crea una cuenta.

## Páginas de administración sobre privacidad y supervisión: configuración de privacidad y
## su vista previa, el registro de privacidad, la auditoría (sus entradas guardadas quedan
## como se escribieron), el inicio de sesión único, el idioma de participantes de un programa

admin-sso-title = Inicio de sesión único
admin-sso-intro = El personal puede iniciar sesión con su cuenta de trabajo en el proveedor de identidad de su organización, además de con su contraseña de Hearth.
admin-sso-issuer = Proveedor de identidad (emisor)
admin-sso-client-id = Id. de cliente
admin-sso-client-secret = Secreto de cliente
admin-sso-secret-set = configurado (desde <code>HEARTH_OIDC_CLIENT_SECRET</code>; nunca se muestra)
admin-sso-secret-none = ninguno: un cliente público, protegido con PKCE
admin-sso-redirect = URI de redirección que debe registrar en el proveedor
admin-sso-domains = Dominios de correo electrónico que puede admitir
admin-sso-new-people = Personas sin cuenta de Hearth
admin-sso-new-accounts = reciben una cuenta en su primer inicio de sesión: { $role }
admin-sso-new-refused = se rechazan: una persona administradora agrega cada cuenta en Usuarios
admin-sso-who-heading = Quién puede iniciar sesión así
admin-sso-who = Quien tenga un correo electrónico verificado por el proveedor (<code>email_verified</code>, o <code>xms_edov</code> de Microsoft Entra ID), en uno de los dominios de arriba, inicia sesión en la cuenta de Hearth con ese correo, con la función y el programa que Hearth le da: el proveedor nunca asigna funciones. Desactivar una cuenta en Usuarios detiene también su inicio de sesión único. Cada inicio de sesión único, y cada rechazo, queda en la auditoría.
admin-sso-second-factor = <strong>Segundo factor.</strong> Un inicio de sesión a través del proveedor depende del proveedor de identidad de su organización para el segundo factor: exíjalo allí. El segundo factor propio de Hearth se aplica a los inicios de sesión con contraseña.
admin-sso-off = El inicio de sesión único no está configurado: el personal inicia sesión con su correo electrónico y su contraseña.
admin-sso-setup-uri = Quien administra Hearth lo configura en el servidor, para todas las instancias, con <code>HEARTH_OIDC_ISSUER</code>, <code>HEARTH_OIDC_CLIENT_ID</code>, <code>HEARTH_OIDC_CLIENT_SECRET</code> y <code>HEARTH_OIDC_DOMAINS</code> (o las opciones <code>hearth serve --oidc-…</code>), y registra <code>{ $uri }</code> como URI de redirección en el proveedor. La guía de despliegue (docs/deploy.md, “Single sign-on”) explica cómo.
admin-sso-setup-no-uri = Quien administra Hearth lo configura en el servidor, para todas las instancias, con <code>HEARTH_OIDC_ISSUER</code>, <code>HEARTH_OIDC_CLIENT_ID</code>, <code>HEARTH_OIDC_CLIENT_SECRET</code> y <code>HEARTH_OIDC_DOMAINS</code> (o las opciones <code>hearth serve --oidc-…</code>); necesita que la URL base (<code>HEARTH_BASE_URL</code>) esté configurada. La guía de despliegue (docs/deploy.md, “Single sign-on”) explica cómo.

program-lang-crumb-programs = Programas y círculos
program-lang-crumb = idioma de participantes
program-lang-title = Idioma de participantes
program-lang-for = de { $program }
program-lang-intro = Cada participante elige su idioma en cada página. Este es el idioma en que empiezan las páginas de sesión de { $program } cuando ni el enlace de la persona ni su navegador piden un idioma que Hearth tenga: elija el idioma que lee la mayoría de sus participantes. No se guarda nada sobre el idioma de ningún participante.
program-lang-label = Idioma predeterminado de participantes
program-lang-save = Guardar
program-lang-keep = Dejarlo como está
program-lang-page-title = Idioma de participantes · { $program }
program-lang-unknown = Elija uno de los idiomas de la lista.
program-lang-saved = Las páginas de participantes de { $program } usan ahora { $language } cuando el enlace y el navegador de la persona no indican ningún idioma que Hearth tenga.
program-lang-unchanged = El idioma de participantes de { $program } ya era { $language }: no cambió nada.

audit-title = Auditoría
audit-intro = Cada acción del personal en Hearth deja aquí una entrada, de la más reciente a la más antigua: inicios de sesión (y los fallidos), cuentas agregadas, cambiadas o eliminadas, configuraciones cambiadas con sus valores anterior y nuevo, programas y círculos, sesiones abiertas y cerradas, publicaciones y exportaciones. Las entradas no se pueden editar ni eliminar. La auditoría nunca guarda nada de lo que envió un participante.
audit-show-only = Mostrar solo
audit-who = Quién
audit-anyone = Cualquiera
audit-what = Qué
audit-any-action = Cualquier acción
audit-from = Desde
audit-to = Hasta (inclusive)
audit-mentioning = Que mencione
audit-mentioning-hint = un correo electrónico, un programa, un código de sesión…
audit-show = Mostrar
audit-clear = Quitar el filtro
audit-left-out = Se dejó fuera una parte del filtro:
audit-none = Ninguna entrada coincide.
audit-newest = Las { $n } entradas más recientes que coinciden; acote el filtro para ver las anteriores.
audit-matching = { $n ->
    [one] { $n } entrada coincide.
   *[other] { $n } entradas coinciden.
}
audit-table-label = Entradas de la auditoría (tabla)
audit-col-when = Cuándo
audit-col-who = Quién
audit-col-what = Qué
audit-col-on = Sobre
audit-col-details = Detalles
audit-not-a-date-first = “{ $text }” no es una fecha: escriba la primera fecha como año-mes-día, p. ej., 2026-11-30.
audit-not-a-date-last = “{ $text }” no es una fecha: escriba la última fecha como año-mes-día, p. ej., 2026-11-30.
audit-not-an-action = “{ $key }” no es un tipo de acción.

ledger-title = Registro de privacidad
ledger-intro = Cada publicación gasta una parte del presupuesto mensual de privacidad de cada programa, y lo anota aquí. En el registro solo se agregan entradas: una publicación no se puede repetir con ruido nuevo.
ledger-full-budget = <strong>Qué significa un presupuesto gastado por completo.</strong> El presupuesto es lo máximo que todas las publicaciones juntas pueden revelar sobre las respuestas de una persona en un mes de un programa, para alguien que responde hasta el número de veces previsto (ahora { $n }; así que cada respuesta recibe { $unit } = { $per_answer }). La publicación de cada mes gasta de una vez todo el presupuesto de ese mes, por diseño: el plan de medición (en la página de privacidad) lo reparte entre las cifras que muestran las páginas, así que cada mes publicado muestra su presupuesto gastado por completo. No es una advertencia. Un mes se publica una vez y nunca más, así que no se gasta nada más en él; el mes siguiente tiene su propio presupuesto; un trimestre es la suma de sus meses publicados y no gasta nada. Si se reduce el presupuesto, los meses publicados desde entonces gastan la cantidad menor y sus cifras llevan más ruido; un mes ya publicado conserva sus cifras.
ledger-spent-heading = Gasto por programa y mes
ledger-spent-intro = La pérdida total de una respuesta en ese programa y mes, sumando cada publicación que la usó, y lo que eso significa para las personas: todas las respuestas de alguien que respondió tantas veces como se previó para el mes, las de alguien que asiste cada semana (4 respuestas) y las de una respuesta cuyo contenido cambió (que mueve dos recuentos, no uno).
ledger-in-force = Presupuesto vigente: { $unit } = { $budget } al mes por persona que responde hasta { $times }.
ledger-times = { $n ->
    [one] { $n } vez
   *[other] { $n } veces
}
ledger-spent-epsilon = Para quien piensa en ε: la misma pérdida que la privacidad diferencial (ε, δ) con δ = 10⁻⁶, según la conversión ajustada de Canonne, Kamath y Steinke (2020); un ε menor protege mejor. Con ruido gaussiano, m respuestas de una persona pueden caer en los mismos recuentos, así que su pérdida crece con m² (ρ), no con m: 4 respuestas cuestan 16 veces lo que una. Los meses se suman para alguien que viene mes tras mes.
ledger-nothing = Todavía no se ha publicado nada.
ledger-spent-table-label = Gasto por programa y mes (tabla)
ledger-col-month = Mes
ledger-col-program = Programa
ledger-col-spent = Gastado por una respuesta
ledger-col-epsilon-one = ε, una respuesta
ledger-col-planned = Previsto para
ledger-col-epsilon-planned = ε, las respuestas previstas de una persona
ledger-col-epsilon-weekly = ε, 4 respuestas (semanal)
ledger-col-epsilon-changed = ε, una respuesta cambiada
ledger-answers = { $n ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}
ledger-every-heading = Cada gasto, por publicación
ledger-every-intro = Cada medición de la publicación de un mes: en qué nivel, de qué cifras, cuánto gastó, cuánto ruido añadió a cada recuento y cuántos recuentos puede mover una respuesta (mover más recuentos exige más ruido para la misma protección). Los trimestres son sumas de sus meses y no gastan nada, así que no tienen filas aquí.
ledger-spends = { $n ->
    [one] { $n } gasto
   *[other] { $n } gastos
}
ledger-release-table-label = Gastos de { $period } (tabla)
ledger-col-level = Nivel
ledger-col-figures = Cifras
ledger-col-spend = Gasto
ledger-col-variance = Ruido añadido a cada recuento (varianza)
ledger-col-moves = Recuentos que mueve una respuesta
ledger-col-cells = Celdas
ledger-col-code = Código
ledger-counts = { $n ->
    [one] { $n } recuento
   *[other] { $n } recuentos
}
ledger-laplace-scale = escala de Laplace { $scale }
ledger-planned = previsto para { $answers } por persona; presupuesto de cada respuesta { $unit } = { $budget }
ledger-program-fallback = programa { $id }

privacy-preview-crumb = revisión
privacy-preview-title = Revise la nueva configuración de privacidad
privacy-preview-no-change = Esta es la configuración que ya está vigente: guardarla no cambiaría nada.
privacy-preview-would-change = Todavía no se ha guardado nada. Cambiaría esta configuración:
privacy-preview-accuracy-heading = Precisión ahora y con la nueva configuración
privacy-preview-accuracy-intro = El margen de error del 90 % que el ruido pone en una cifra, para una celda de n respuestas (un programa de 5 círculos entre 3 programas): números mayores significan cifras menos exactas.
privacy-preview-accuracy-label = Precisión actual y propuesta (tabla)
privacy-preview-now = ahora
privacy-preview-new = nueva
privacy-preview-people-heading = La protección de una persona ahora y con la nueva configuración
privacy-preview-people-intro = Lo que todas las respuestas que da una persona en un mes de un programa pueden revelar sobre ella (ε con δ = 10⁻⁶; menor protege mejor).
privacy-preview-people-label = Protección de una persona, actual y propuesta (tabla)
privacy-preview-col-answers = Respuestas en un mes
privacy-preview-apply-note = La configuración guardada se aplica a las publicaciones que se hagan a partir de ahora; las cifras ya publicadas nunca cambian. Cada cambio queda anotado en la auditoría con su correo electrónico.
privacy-preview-save = Guardar esta configuración
privacy-preview-back = Volver a la configuración sin guardar nada
privacy-preview-mechanism-change = Cambia el tipo de ruido, y con él la unidad del presupuesto: { $old_symbol } { $old_unit } = { $old_budget } pasa a ser { $new_symbol } { $new_unit } = { $new_budget }. La tabla de abajo muestra lo que eso hace con la precisión.
privacy-preview-example = Por ejemplo, el mes de un círculo con { $n } respuestas: “{ $now } → { $next }”
privacy-preview-example-same = { $example }: una cifra que se lee como 70 % podría estar en cualquier punto { $range }, ahora y con la nueva configuración por igual.
privacy-preview-example-changed = { $example }: una cifra que se lee como 70 % podría estar en cualquier punto { $next } con la nueva configuración, en lugar de { $now }.
privacy-preview-range = del { $low } % al { $high } %
privacy-preview-times = { $n ->
    [one] { $n } vez
   *[other] { $n } veces
}
privacy-preview-per-person = El presupuesto protegería todas las respuestas de una persona que responde hasta { $next } al mes, en lugar de hasta { $now }.
privacy-preview-noisier = Cada respuesta recibe entonces una parte menor del presupuesto, así que cada cifra lleva más ruido: el mes de un círculo con 30 respuestas leería su “% positivo” con un margen de unos ±{ $after } puntos en lugar de ±{ $before }, unas { $times } veces más ruido{ $unreadable }. Lo que ayuda: las tarjetas con boleto (una respuesta por tarjeta, así nadie responde dos veces a una sesión); leer los programas por trimestre en lugar de los círculos por mes (el trimestre de un programa reúne tres meses de respuestas de todos sus círculos); y los círculos más grandes, donde el mismo ruido pesa menos.
privacy-preview-unreadable = , lo que es demasiado incierto para leerlo (más de ±{ $margin } puntos): esas cifras se muestran como “demasiado incierta para leerla”
privacy-preview-steadier = Cada respuesta recibe entonces una parte mayor del presupuesto, así que las cifras llevan menos ruido: el mes de un círculo con 30 respuestas leería su “% positivo” con un margen de unos ±{ $after } puntos en lugar de ±{ $before }. Quien responda más de { $times } al mes queda entonces menos protegido de lo que dice el presupuesto (vea la tabla de abajo).

privacy-set-title = Configuración de privacidad
privacy-set-intro = Esta configuración decide cuánto ruido lleva cada publicación y qué grupos son demasiado pequeños para mostrarse. Ningún valor puede pasar de su límite: el formulario rechaza todo lo que debilitaría el anonimato por debajo de él. Un cambio se aplica a las publicaciones hechas después; las cifras ya publicadas nunca cambian. Antes de guardar nada verá lo que un cambio hace con la precisión.
privacy-set-problems = { $n ->
    [one] <strong>No se guardó nada.</strong> Corrija esto y envíe el formulario de nuevo:
   *[other] <strong>No se guardó nada.</strong> Corrija estos puntos y envíe el formulario de nuevo:
}
privacy-set-label-mechanism = Tipo de ruido
privacy-set-label-budget = Presupuesto de privacidad
privacy-set-label-manager-threshold = Grupo más pequeño que ve la coordinación
privacy-set-label-funder-threshold = Grupo más pequeño que ven los financiadores
privacy-set-label-answers = Respuestas que una persona puede dar en un mes
privacy-set-label-retention = Días que se conservan las respuestas sin procesar
privacy-set-worded-gaussian = Gaussiano (presupuesto en ρ)
privacy-set-worded-laplace = Laplace (presupuesto en ε)
privacy-set-worded-responses = { $n ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}
privacy-set-worded-answers = { $n ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}
privacy-set-mechanism-hint = Los dos añaden ruido aleatorio en números enteros a cada recuento antes de publicarlo. Cambiar el tipo también cambia lo que significa el número del presupuesto, así que el formulario pide entonces el presupuesto de nuevo.
privacy-set-gaussian = <strong>Gaussiano</strong> (recomendado): casi siempre errores pequeños, rara vez uno mayor. Su presupuesto se cuenta en ρ (“rho”, privacidad diferencial de concentración cero).
privacy-set-laplace = <strong>Laplace</strong>: una garantía más sencilla y más estricta, con más ruido para la misma precisión. Su presupuesto se cuenta en ε (“épsilon”, privacidad diferencial pura).
privacy-set-budget-label = Presupuesto de privacidad, en { $unit }
privacy-set-budget-hint = Cuánto pueden revelar todas las publicaciones juntas sobre las respuestas de una persona en un mes de un programa: todas ellas, hasta el número de respuestas de abajo. Menor significa más ruido: más privacidad, cifras menos exactas. Mayor que 0 y como máximo { $max }, con 6 decimales como máximo (p. ej., 0.5 o 1/2).
privacy-set-answers-hint-epsilon = Hearth no puede saber cuándo una persona responde en varias sesiones, así que el presupuesto se planifica según la frecuencia con que las personas pueden responder: 1 protege una respuesta al mes; 4 protege todo lo que dice en un mes alguien que asiste cada semana. Cada respuesta recibe entonces el presupuesto ÷ ese número, así que las cifras llevan más ruido. Un número entero de 1 a { $max }.
privacy-set-answers-hint-rho = Hearth no puede saber cuándo una persona responde en varias sesiones, así que el presupuesto se planifica según la frecuencia con que las personas pueden responder: 1 protege una respuesta al mes; 4 protege todo lo que dice en un mes alguien que asiste cada semana. Cada respuesta recibe entonces el presupuesto ÷ ese número al cuadrado, así que las cifras llevan más ruido. Un número entero de 1 a { $max }.
privacy-set-manager-label = Grupo más pequeño que ve la coordinación, en respuestas
privacy-set-manager-hint = Un círculo o un mes con menos respuestas que esto se oculta a la coordinación de los programas, para proteger el anonimato. Al menos { $floor }.
privacy-set-funder-label = Grupo más pequeño que ven los financiadores, en respuestas
privacy-set-funder-hint = Lo mismo para los informes de financiadores, que solo muestran programas enteros por trimestre. Al menos { $floor }; normalmente mayor que el de la coordinación.
privacy-set-preview = Ver una vista previa del cambio
privacy-set-people-heading = Qué tan protegida está una persona
privacy-set-people-intro = En el apoyo entre pares la gente suele venir cada semana. Nada vincula las respuestas de una persona, pero varias respuestas de una misma persona pueden caer en los mismos totales, así que juntas están menos protegidas que una sola: con ruido gaussiano su pérdida crece con el cuadrado de su número (4 respuestas: 16 veces la ρ de una), con ruido de Laplace, con su número. Cambiar lo que dijo una respuesta mueve dos recuentos en lugar de uno, y cuesta el doble. Con la configuración vigente, para el mes de un programa (ε con δ = 10⁻⁶; menor protege mejor; los meses se suman para alguien que viene mes tras mes):
privacy-set-people-label = Protección de una persona (tabla)
privacy-set-col-answers = Respuestas de una persona en un mes
privacy-set-col-answered = Si respondió o no
privacy-set-col-said = Lo que dijo
privacy-set-planned = (para lo que está previsto el presupuesto)
privacy-set-read-epsilon = Cómo leer ε: por debajo de 1, más o menos, las publicaciones cambian muy poco lo que cualquiera puede adivinar sobre una persona. Hacia 8 (una respuesta, de forma predeterminada), el límite es holgado: lo que muestran las publicaciones puede hacer bastante más probable una suposición sobre las respuestas de una persona, aunque el ruido sigue difuminando cada respuesta. Desde unos 40 en adelante, el ruido protege poco, y lo que queda es la primera protección: nada vincula las respuestas con una persona. Para proteger mejor a quienes vienen cada semana, planifique el presupuesto para más respuestas por persona (arriba), y vea lo que cuesta en precisión antes de guardar.
privacy-set-shares-heading = Cómo se reparte el presupuesto entre niveles
privacy-set-shares-intro = No es una opción configurable: el plan de medición (abajo) fija la parte del presupuesto de cada nivel, de modo que cada cifra que muestra una página recibe su parte y no se gasta nada en cifras que ninguna página muestra.
privacy-set-share-quarter = un trimestre
privacy-set-share-quarter-value = 0 % (la suma de sus meses)
privacy-set-retention-heading = Cuánto tiempo se conservan las respuestas sin procesar
privacy-set-retention-intro = Cuando un mes y su trimestre ya están publicados, cada página, informe y exportación lee las publicaciones; las respuestas sin procesar ya no hacen falta, y conservarlas solo añade riesgo (una base de datos o una copia de seguridad robada las contendría). Hearth las elimina por sí mismo esta cantidad de días después de la última de las dos publicaciones, y la página de privacidad de participantes lo dice. Las publicaciones nunca se eliminan. El valor predeterminado es { $default } días; 0 las elimina en cuanto ambas publicaciones están guardadas. Ahora las respuestas se conservan <strong>{ $days } días</strong>.
privacy-set-retention-label = Días que se conservan las respuestas sin procesar después de publicarse
privacy-set-retention-hint = Un número entero de 0 a { $max }.
privacy-set-retention-save = Guardar el tiempo de conservación
privacy-set-plan-heading = Cómo se gasta el presupuesto: el plan de medición
privacy-set-plan-intro = La publicación de cada mes mide estas cifras, cada una con su parte del presupuesto ({ $unit }, por respuesta y mes), y nada más: no gastar nada en cifras que ninguna página muestra deja más para las que sí se muestran. Un trimestre no mide nada: sus cifras son las sumas de sus meses, así que siempre coinciden. Los niveles superiores e inferiores se combinan por mínimos cuadrados, de modo que las cifras de un programa son exactamente las sumas de las de sus círculos. Este es el plan de medición { $version }.
privacy-set-plan-label = Plan de medición (tabla)
privacy-set-col-level = Nivel
privacy-set-col-what = Qué se mide
privacy-set-col-share = Parte
privacy-set-col-spend = Gasto ({ $unit })
privacy-set-col-variance = Ruido por recuento (varianza)
privacy-set-col-shown = Dónde se muestra
privacy-set-accuracy-heading = Qué significa esta configuración para la precisión
privacy-set-accuracy-intro = El margen de error del 90 % que el ruido pone en una cifra en cada nivel, para una celda de n respuestas, con la configuración vigente (para un programa de 5 círculos entre 3 programas). El “error típico” es cuánto se aleja una cifra en promedio. La última columna es lo que daba el primer plan de medición, para comparar.
privacy-set-accuracy-label = Precisión por nivel (tabla)
privacy-set-col-pct = % positivo, ± puntos
privacy-set-col-typical = Error típico, puntos
privacy-set-col-mean = Media de la afirmación, ± en la escala de 1 a 5
privacy-set-col-first-plan = Primer plan: ± %, ± media
privacy-set-retention-too-many = es más de { $max } días (diez años)
privacy-set-retention-negative = es menos de 0 días
privacy-set-retention-not-whole = no es un número entero de días
privacy-set-retention-problem = Días que se conservan las respuestas sin procesar: “{ $typed }” { $why }. Escriba un número entero de 0 a { $max }.
privacy-set-retention-saved = Se guardó: las respuestas sin procesar se conservan ahora { $days } días después de que se publiquen su mes y su trimestre (antes eran { $old } días).
privacy-set-retention-unchanged = No cambió nada: las respuestas sin procesar ya se conservaban { $days } días.
privacy-set-choose-mechanism = Elija el tipo de ruido: gaussiano o de Laplace.
privacy-set-enter-budget = Escriba un presupuesto de privacidad.
privacy-set-budget-invalid = El presupuesto de privacidad debe ser un número mayor que 0 y como máximo { $max }, con 6 decimales como máximo (usted escribió “{ $typed }”).
privacy-set-threshold-managers = El grupo más pequeño que ve la coordinación debe ser un número entero de al menos { $floor } respuestas (usted escribió “{ $typed }”).
privacy-set-threshold-funders = El grupo más pequeño que ven los financiadores debe ser un número entero de al menos { $floor } respuestas (usted escribió “{ $typed }”).
privacy-set-answers-invalid = Respuestas que una persona puede dar en un mes: { $why }.
privacy-set-unit-changed = Eligió el ruido { $mechanism }, cuyo presupuesto se cuenta en { $unit }, no en { $from }, la unidad en que se escribió el presupuesto. El mismo número significaría una cantidad de ruido muy distinta, así que escriba abajo el presupuesto en { $unit }.
privacy-set-unit-suggestion = Ahora contiene { $unit } = { $budget }, lo que mantiene el mes de un círculo con 30 respuestas más o menos tan preciso como hoy; cámbielo si lo desea y luego vea la vista previa.
privacy-set-nothing-to-save = No hay nada que guardar: esta configuración ya estaba vigente.
privacy-set-saved = Se guardó. { $changes }. Se aplica a las publicaciones de ahora en adelante; las cifras ya publicadas nunca cambian.
privacy-set-name-gaussian = gaussiano
privacy-set-name-laplace = de Laplace

## Rechazos y avisos del marco de las páginas del personal (dashboards::auth, dashboards::links)

staff-form-too-large = Ese formulario era demasiado grande.
staff-form-cut-off = Ese formulario no llegó completo, así que no se cambió nada. Vuelva atrás y envíelo de nuevo.
links-this-computer = Los teléfonos no pueden abrir este enlace: lleva a la computadora en la que funciona Hearth ({ $base }), no a una dirección que otras personas puedan abrir. Pida a quien administra Hearth que configure HEARTH_BASE_URL con la dirección que las personas abren en sus teléfonos, por ejemplo { $example }.
links-no-host = No hay enlace ni código QR para compartir: Hearth escucha en todas las direcciones de red de su computadora y no sabe cuál deben abrir los teléfonos. Pida a quien administra Hearth que configure HEARTH_BASE_URL con esa dirección, por ejemplo { $example }.

## Ajustes de privacidad: niveles, grupos y dónde se muestra cada uno en la tabla del plan

privacy-set-level-circle_month = el mes de un círculo
privacy-set-level-program_month = el mes de un programa
privacy-set-level-portfolio_month = el mes de todos los programas
privacy-set-level-program_quarter = el trimestre de un programa
privacy-set-level-portfolio_quarter = el trimestre de todos los programas
privacy-set-group-indices = pertenencia y seguridad (% positivo)
privacy-set-group-items = las ocho afirmaciones (respuestas de 1 a 5 u omitidas)
privacy-set-group-first_time = primera vez o regresan
privacy-set-group-choices = qué ayudó y qué estorbó
privacy-set-shown-circle_month-indices = tendencia de la página del círculo y mapa de calor del programa: % positivo de pertenencia y seguridad
privacy-set-shown-circle_month-items = tabla de afirmaciones de la página del círculo: medias de las ocho afirmaciones
privacy-set-shown-program_month-indices = tendencia del resumen del programa; estabiliza las cifras de los círculos y las de los financiadores
privacy-set-shown-program_month-items = tabla de afirmaciones del resumen del programa; la media de “me voy mejor” de los financiadores
privacy-set-shown-program_month-first_time = resumen del programa: participantes que vienen por primera vez y que regresan, por mes
privacy-set-shown-program_month-choices = resumen del programa: qué ayudó y qué estorbó (por trimestre)
privacy-set-shown-portfolio_month-indices = informe de financiadores: pertenencia y seguridad de todos los programas
privacy-set-shown-portfolio_month-items = informe de financiadores: medias de las afirmaciones de todos los programas
privacy-set-shown-portfolio_month-first_time = exportación de financiadores: primera vez o regreso, de todos los programas
privacy-set-shown-portfolio_month-choices = exportación de financiadores: opciones de todos los programas

## Un cambio rechazado en programas, círculos o sesiones (dashboards::page::catalog_problem)

catalog-err-capacity = La capacidad debe estar entre 1 y { $max }.
catalog-err-hours = Las horas deben estar entre 1 y { $max }.
catalog-err-tickets = Las tarjetas deben ser entre 1 y { $max }.
catalog-err-unknown-code = Ninguna sesión tiene el código { $code }.
catalog-err-released = { $period } ya se publicó: sus cifras son definitivas, así que no se le puede añadir ninguna sesión.
catalog-err-date = La fecha debe estar entre los años 2000 y 2100.
catalog-err-archived-program = El programa «{ $name }» está archivado: no admite sesiones nuevas.
catalog-err-archived-circle = El círculo «{ $name }» está archivado: no admite sesiones nuevas.
catalog-err-program-taken = Ya existe un programa llamado «{ $name }»: dos programas con un mismo nombre se leerían como una sola historia. Elija otro nombre.
catalog-err-circle-taken = Este programa ya tiene un círculo llamado «{ $name }»: dos círculos con un mismo nombre se leerían como una sola historia. Elija otro nombre.
catalog-err-kiosk-tickets = Una sesión para una tableta compartida no lleva tarjetas: elija una cosa o la otra.
catalog-err-unknown-program = No existe ese programa.
catalog-err-unknown-circle = No existe ese círculo.
catalog-err-restore-hint = Una persona con rol de administración puede restaurarlo en la página Programas y círculos.

## Texto rechazado por un carácter invisible o peligroso (dashboards::page::text_problem; la
## página pone en mayúscula la primera letra y cierra la frase)

text-what-program-name = el nombre del programa
text-what-circle-name = el nombre del círculo
text-what-action = la acción
text-what-english-line = la línea en inglés
text-what-spanish-line = la línea en español
text-what-token-name = El nombre del token
text-what-crisis-line = la línea en { $language }
text-line-break = { $what } debe ir en una sola línea: contiene un salto de línea. Escríbalo de nuevo en una línea
text-tab = { $what } contiene un tabulador: use un espacio en su lugar
text-control = { $what } contiene un carácter de control invisible ({ $code }) que las páginas y las exportaciones no pueden mostrar: escríbalo de nuevo sin él
text-direction = { $what } contiene un carácter invisible que cambia la dirección del texto ({ $code }) y puede hacer que se vea como algo distinto de lo que dice: escríbalo de nuevo sin él (el árabe, el hebreo y otras escrituras de derecha a izquierda no necesitan ese carácter)
text-formula = { $what } no puede empezar con «{ $char }»: una hoja de cálculo que abra una exportación lo leería como una fórmula. Empiécelo con una letra o un número

## Rechazos que encuentra un formulario alterado o desactualizado (usuarios y tokens de API)

users-error-no-such-account = No existe esa cuenta.
tokens-error-audience = { $audience } no es un público: elija coordinación o financiador.
tokens-error-no-program = No hay ningún programa llamado { $program }.
tokens-error-not-found = No hay ningún token llamado { $name } que siga en uso.
