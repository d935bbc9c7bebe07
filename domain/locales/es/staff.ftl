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
