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
