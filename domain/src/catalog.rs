//! The catalog: programs, their circles, and the sessions (meetings) that collect
//! responses. Catalog rows describe groups, never people.
//!
//! Programs and circles are added, renamed, archived and restored; never deleted, and a
//! circle never moves to another program. Released figures are keyed by id, so a rename
//! carries a circle's history with it, and an archived circle's history stays in every
//! release and page; a delete or a move would rewrite released history (a program's
//! released figures would no longer add up from its circles), so nothing here offers one.
//! Each change leaves one entry in the audit trail, written in its transaction.

use chrono::{Datelike, NaiveDate};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::audit::{self, Action, Actor, Entry};
use crate::code::{SessionCode, Ticket, TicketHash};
use crate::i18n::Lang;
use crate::ids::{CircleId, ProgramId, SessionId, StaffId};
use crate::store::{Store, random_id};

/// Defaults and limits for opening a session.
pub const DEFAULT_CAPACITY: u32 = 40;
pub const MAX_CAPACITY: u32 = 1000;
pub const DEFAULT_HOURS: u32 = 24;
pub const MAX_HOURS: u32 = 14 * 24;
pub const MAX_NAME_LEN: usize = 80;

#[derive(Debug, thiserror::Error)]
///
/// Messages state what is wrong in plain words and name no page or command: where to put
/// it right is the caller's to say (`dashboards::page::catalog_problem`, the CLI).
pub enum CatalogError {
    #[error("{0} must not be empty")]
    EmptyName(&'static str),
    #[error("{0} must be at most {MAX_NAME_LEN} characters")]
    LongName(&'static str),
    /// A control character, a direction override, or a formula's first character.
    #[error(transparent)]
    Text(#[from] crate::text::TextError),
    #[error("capacity must be between 1 and {MAX_CAPACITY}")]
    Capacity,
    #[error("hours must be between 1 and {MAX_HOURS}")]
    Hours,
    #[error("tickets must be between 1 and {MAX_CAPACITY}")]
    Tickets,
    #[error("no session has the code {0}")]
    UnknownCode(String),
    #[error(
        "{0} has been released already: its figures are final, so no session can be added to it"
    )]
    Released(String),
    #[error("the date must be between the years 2000 and 2100")]
    Date,
    #[error("the program “{0}” is archived: it takes no new sessions")]
    ArchivedProgram(String),
    #[error("the circle “{0}” is archived: it takes no new sessions")]
    ArchivedCircle(String),
    #[error(
        "there is already a program named “{0}”: two programs under one name would read as one history. Choose another name"
    )]
    ProgramNameTaken(String),
    #[error(
        "this program already has a circle named “{0}”: two circles under one name would read as one history. Choose another name"
    )]
    CircleNameTaken(String),
    #[error("a session for a shared tablet takes no ticket cards: choose one or the other")]
    KioskTickets,
    #[error("no such program")]
    UnknownProgram,
    #[error("no such circle")]
    UnknownCircle,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl CatalogError {
    /// An archived program or circle refused a session: an admin can restore it.
    pub fn is_archived(&self) -> bool {
        matches!(
            self,
            CatalogError::ArchivedProgram(_) | CatalogError::ArchivedCircle(_)
        )
    }
}

/// What a facilitator asks for when opening a session. Checked by [`NewSession::new`].
#[derive(Clone, Debug)]
pub struct NewSession {
    program: String,
    circle: String,
    held_on: NaiveDate,
    capacity: u32,
    hours: u32,
    tickets: u32,
    kiosk: bool,
    /// The staff account opening it at the desk (see [`NewSession::opened_by`]).
    opened_by: Option<StaffId>,
}

impl NewSession {
    /// `capacity` defaults to the number of tickets when there are tickets, else to
    /// [`DEFAULT_CAPACITY`]; `hours` to [`DEFAULT_HOURS`].
    pub fn new(
        program: &str,
        circle: &str,
        held_on: NaiveDate,
        capacity: Option<u32>,
        hours: Option<u32>,
        tickets: Option<u32>,
    ) -> Result<Self, CatalogError> {
        let program = checked_name(program, "program name")?;
        let circle = checked_name(circle, "circle name")?;
        if !(2000..=2100).contains(&held_on.year()) {
            return Err(CatalogError::Date);
        }
        if matches!(tickets, Some(n) if n == 0 || n > MAX_CAPACITY) {
            return Err(CatalogError::Tickets);
        }
        let tickets = tickets.unwrap_or(0);
        let capacity = capacity.unwrap_or(if tickets > 0 {
            tickets
        } else {
            DEFAULT_CAPACITY
        });
        if !(1..=MAX_CAPACITY).contains(&capacity) {
            return Err(CatalogError::Capacity);
        }
        let hours = hours.unwrap_or(DEFAULT_HOURS);
        if !(1..=MAX_HOURS).contains(&hours) {
            return Err(CatalogError::Hours);
        }
        Ok(NewSession {
            program,
            circle,
            held_on,
            capacity,
            hours,
            tickets,
            kiosk: false,
            opened_by: None,
        })
    }

    /// The session is opened by this staff account (at the desk), who alone will see its
    /// live count (see [`Session::live_count`]). Without it — the command line, seeding —
    /// nobody sees the count.
    pub fn opened_by(mut self, staff_id: StaffId) -> Self {
        self.opened_by = Some(staff_id);
        self
    }

    /// The session is for a shared tablet: it gets a kiosk link (see [`Session::kiosk`]).
    /// Refused with tickets: a card's code would have to be typed on the tablet, and its
    /// link carries the card in the address, which the next person's history would show.
    pub fn for_tablet(mut self) -> Result<Self, CatalogError> {
        if self.tickets > 0 {
            return Err(CatalogError::KioskTickets);
        }
        self.kiosk = true;
        Ok(self)
    }
}

/// A name as typed, trimmed, checked by the one rule for staff text
/// ([`crate::text::check`], [`Shape::Name`](crate::text::Shape::Name)).
fn checked_name(name: &str, what: &'static str) -> Result<String, CatalogError> {
    let name = name.trim();
    if name.is_empty() {
        Err(CatalogError::EmptyName(what))
    } else if name.chars().count() > MAX_NAME_LEN {
        Err(CatalogError::LongName(what))
    } else {
        crate::text::check(name, crate::text::Shape::Name, &format!("the {what}"))?;
        Ok(name.to_owned())
    }
}

/// Whether two names are one name: the catalog's one rule for program names, and for
/// circle names within a program, wherever a name is added, renamed or looked up (the admin
/// pages, `hearth session open`). Letter case does not make a second name ("Peer bridges"
/// is "Peer Bridges"): two histories under names that read the same would read as one.
/// Compared here rather than with SQL `lower()`, which folds only ASCII on SQLite and all
/// of Unicode on PostgreSQL, so that both stores agree.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// A catalog row found by [`same_name`]: its id, name as stored, and archived date.
type NamedRow<Id> = (Id, String, Option<String>);

/// The program whose name is `name` by [`same_name`], other than `except`.
async fn program_named(
    conn: &mut AnyConnection,
    name: &str,
    except: Option<ProgramId>,
) -> Result<Option<NamedRow<ProgramId>>, sqlx::Error> {
    let rows: Vec<NamedRow<ProgramId>> =
        sqlx::query_as("select id, name, archived_on from program")
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows
        .into_iter()
        .find(|(id, stored, _)| Some(*id) != except && same_name(stored, name)))
}

/// The circle of `program_id` whose name is `name` by [`same_name`], other than `except`.
async fn circle_named(
    conn: &mut AnyConnection,
    program_id: ProgramId,
    name: &str,
    except: Option<CircleId>,
) -> Result<Option<NamedRow<CircleId>>, sqlx::Error> {
    let rows: Vec<NamedRow<CircleId>> =
        sqlx::query_as("select id, name, archived_on from circle where program_id = $1")
            .bind(program_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows
        .into_iter()
        .find(|(id, stored, _)| Some(*id) != except && same_name(stored, name)))
}

/// Whether a session accepts responses right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionState {
    Open,
    Closed,
    Full,
}

#[derive(Clone, Debug)]
pub struct Session {
    pub id: SessionId,
    pub code: SessionCode,
    pub program_id: ProgramId,
    pub program: String,
    pub circle: String,
    pub held_on: NaiveDate,
    /// Unix seconds after which the session accepts nothing.
    pub closes_at: i64,
    pub capacity: u32,
    /// How many responses it has taken: an exact count of one meeting. Private, so that
    /// the only ways out are [`Session::state`] (open, full or closed) and
    /// [`Session::live_count`] (the count, to the one person allowed to see it).
    received: u32,
    pub ticketed: bool,
    pub closed: bool,
    /// The secret of the session's kiosk link, when it was opened for a shared tablet;
    /// `None` otherwise, and once the session is sealed. See [`Session::kiosk_open`].
    pub kiosk: Option<KioskToken>,
    /// The staff account that opened it at the desk; `None` when it was opened from the
    /// command line, or its opener's account has been removed.
    pub opened_by: Option<StaffId>,
    /// The language its program's pages fall back to when neither the link nor the
    /// browser names one we have (an admin setting; `None`: English). See
    /// [`crate::i18n::Lang::choose`].
    pub default_lang: Option<Lang>,
}

impl Session {
    pub fn state(&self, now: i64) -> SessionState {
        if self.closed || now >= self.closes_at {
            SessionState::Closed
        } else if self.filled() {
            SessionState::Full
        } else {
            SessionState::Open
        }
    }

    /// Whether it took all the responses it could: what "full" says while it is open, and
    /// "closed (was full)" once it has closed. Data entry asks it of a closed session whose
    /// paper forms can still be typed in (`collector::paper`).
    ///
    /// # Privacy
    /// One bit of the count, that everyone in the program saw as "full" while the session
    /// was open; nothing more of the count leaves through it.
    pub fn filled(&self) -> bool {
        self.received >= self.capacity
    }

    /// The count of responses so far, for the staff account `viewer`: only when `viewer`
    /// opened the session, and only while it is not closed.
    ///
    /// # Privacy
    /// Every count staff see comes from a release, except this one: the person who opened
    /// the session sees how many have answered, to know whether to remind the group. Anyone
    /// else reading it (another facilitator, the program's manager) could time each answer
    /// by refreshing, and read each session's exact count just before it closes, and so
    /// rebuild exact circle-month counts. Once the session closes nobody sees it: its size
    /// is the release's business, noisy and suppressed.
    pub fn live_count(&self, viewer: StaffId, now: i64) -> Option<u32> {
        (self.opened_by == Some(viewer) && self.state(now) != SessionState::Closed)
            .then_some(self.received)
    }

    fn from_row(row: &AnyRow) -> Result<Session, sqlx::Error> {
        let code: String = row.try_get("code")?;
        let held_on: String = row.try_get("held_on")?;
        let decode = |e: &dyn std::fmt::Display| sqlx::Error::Decode(e.to_string().into());
        Ok(Session {
            id: row.try_get("id")?,
            code: SessionCode::parse(&code).ok_or_else(|| decode(&"bad session code"))?,
            program_id: row.try_get("program_id")?,
            program: row.try_get("program")?,
            circle: row.try_get("circle")?,
            held_on: held_on.parse().map_err(|e| decode(&e))?,
            closes_at: row.try_get("closes_at")?,
            capacity: row.try_get::<i32, _>("capacity")? as u32,
            received: row.try_get::<i32, _>("received")? as u32,
            ticketed: row.try_get::<i32, _>("ticketed")? != 0,
            closed: row.try_get::<i32, _>("closed")? != 0,
            kiosk: row
                .try_get::<Option<String>, _>("kiosk_token")?
                .map(KioskToken),
            opened_by: row.try_get("opened_by")?,
            default_lang: row
                .try_get::<Option<String>, _>("default_lang")?
                .as_deref()
                .and_then(Lang::from_code),
        })
    }

    /// Whether `typed` opens this session's kiosk pages right now: the session was opened
    /// for a shared tablet, the token is its own (compared in constant time), and it is
    /// not closed. A full session still opens them, to say it is full.
    ///
    /// # Privacy
    /// The token is what makes a kiosk link different from the plain link: the plain
    /// link's code is shown to the room (on the screen, the QR code, the paper form), the
    /// token only to the facilitator, on the desk, to open on the tablet. It is refused
    /// once the session closes (window passed or closed early) and erased when the sealer
    /// rewrites the session, so a link copied from the tablet's history is worth nothing
    /// after the meeting, on that device or any other.
    pub fn kiosk_open(&self, typed: &str, now: i64) -> bool {
        let Some(KioskToken(token)) = &self.kiosk else {
            return false;
        };
        let same = token.len() == typed.len()
            && token
                .bytes()
                .zip(typed.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        same && self.state(now) != SessionState::Closed
    }
}

/// The secret part of a kiosk link: 128 random bits, as 32 lowercase hex digits.
#[derive(Clone, PartialEq, Eq)]
pub struct KioskToken(String);

impl KioskToken {
    fn generate() -> KioskToken {
        KioskToken(format!("{:032x}", rand::random::<u128>()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Never printed by `{:?}`: a session in a log line must not carry its kiosk link.
impl std::fmt::Debug for KioskToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KioskToken(…)")
    }
}

const SESSION_SELECT: &str = "select s.id, s.code, p.id as program_id, p.name as program, c.name as circle, \
     s.held_on, s.closes_at, s.capacity, s.received, s.ticketed, s.closed, s.kiosk_token, s.opened_by, p.default_lang \
     from session s join circle c on c.id = s.circle_id join program p on p.id = c.program_id";

pub fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Opens a session: creates its program and circle when new (a name is matched by
/// [`same_name`]), the session with a fresh code, and its tickets (only their hashes are
/// stored), all in one transaction. Returns the session and the tickets, which exist
/// nowhere else once this returns.
pub async fn open_session(
    store: &Store,
    new: &NewSession,
) -> Result<(Session, Vec<Ticket>), CatalogError> {
    let opened = open_session_by(store, new, None).await?;
    Ok((opened.session, opened.tickets))
}

/// A session just opened, with whether its program and circle were found by name or made
/// for it (for the command line to say which).
#[derive(Debug)]
pub struct Opened {
    /// Named as the catalog has its program and circle, whatever the letter case typed.
    pub session: Session,
    /// Exist nowhere else once this is dropped.
    pub tickets: Vec<Ticket>,
    pub program: Added<ProgramId>,
    pub circle: Added<CircleId>,
}

/// [`open_session`], recording who opened it in the audit trail, in the same transaction
/// (`None`: no entry, for seeding and tests). The entry's detail is the catalog's and the
/// facilitator's: program, circle, date, capacity and the number of tickets.
pub async fn open_session_by(
    store: &Store,
    new: &NewSession,
    by: Option<Actor<'_>>,
) -> Result<Opened, CatalogError> {
    // It reads (the release, the names) before it writes: the write lock first, or a
    // writer meanwhile fails it on SQLite (see [`Store::begin_write`]).
    let mut tx = store.begin_write().await?;
    // A released month (or quarter) is final: a session added to it later would never
    // reach the month's figures, and its quarter minus its months would single it out.
    if let Some(period) = release_of(&mut tx, new.held_on).await? {
        return Err(CatalogError::Released(period));
    }
    let (program, program_name) = find_or_create_program(&mut tx, &new.program).await?;
    let (circle, circle_name) = find_or_create_circle(&mut tx, program.id(), &new.circle).await?;
    let (program_id, circle_id) = (program.id(), circle.id());
    // An archived program or circle takes no new sessions. Sessions opened before it was
    // archived run to their end (see [`archive`]).
    let (program_archived, circle_archived): (Option<String>, Option<String>) = sqlx::query_as(
        "select p.archived_on, c.archived_on from circle c join program p on p.id = c.program_id \
         where c.id = $1",
    )
    .bind(circle_id)
    .fetch_one(&mut *tx)
    .await?;
    if program_archived.is_some() {
        return Err(CatalogError::ArchivedProgram(program_name));
    }
    if circle_archived.is_some() {
        return Err(CatalogError::ArchivedCircle(circle_name));
    }
    let closes_at = now_unix() + i64::from(new.hours) * 3600;
    let kiosk = new.kiosk.then(KioskToken::generate);
    let (id, code) = insert_session(&mut tx, new, circle_id, closes_at, kiosk.as_ref()).await?;
    let tickets = insert_tickets(&mut tx, id, new.tickets as usize).await?;
    if let Some(actor) = by {
        let subject = code.to_string();
        let detail = format!(
            "{program_name} / {circle_name}, {}, capacity {}, {}",
            new.held_on,
            new.capacity,
            match (new.tickets, new.kiosk) {
                (0, false) => "no tickets".to_owned(),
                (0, true) => "for a shared tablet (kiosk link)".to_owned(),
                (n, _) => format!("ticketed: {n} tickets"),
            }
        );
        audit::record(
            &mut *tx,
            Entry::new(actor, Action::SessionOpened, &subject).detail(&detail),
        )
        .await?;
    }
    let default_lang: Option<String> =
        sqlx::query_scalar("select default_lang from program where id = $1")
            .bind(program_id)
            .fetch_one(&mut *tx)
            .await?;
    tx.commit().await?;
    let session = Session {
        default_lang: default_lang.as_deref().and_then(Lang::from_code),
        id,
        code,
        program_id,
        program: program_name,
        circle: circle_name,
        held_on: new.held_on,
        closes_at,
        capacity: new.capacity,
        received: 0,
        ticketed: new.tickets > 0,
        closed: false,
        kiosk,
        opened_by: new.opened_by,
    };
    Ok(Opened {
        session,
        tickets,
        program,
        circle,
    })
}

/// Inserts a session under a fresh random id and code (drawn again on a collision).
async fn insert_session(
    conn: &mut AnyConnection,
    new: &NewSession,
    circle_id: CircleId,
    closes_at: i64,
    kiosk: Option<&KioskToken>,
) -> Result<(SessionId, SessionCode), sqlx::Error> {
    loop {
        let (id, code) = (SessionId::new(random_id()), SessionCode::generate());
        let inserted = sqlx::query(
            "insert into session (id, code, circle_id, held_on, closes_at, capacity, ticketed, kiosk_token, opened_by) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing",
        )
        .bind(id)
        .bind(code.as_str())
        .bind(circle_id)
        .bind(new.held_on.to_string())
        .bind(closes_at)
        .bind(new.capacity as i32)
        .bind(i32::from(new.tickets > 0))
        .bind(kiosk.map(|k| k.as_str().to_owned()))
        .bind(new.opened_by)
        .execute(&mut *conn)
        .await?;
        if inserted.rows_affected() == 1 {
            return Ok((id, code));
        }
    }
}

/// Stores `count` fresh tickets of a session (their hashes only) and hands them back:
/// they exist nowhere else.
async fn insert_tickets(
    conn: &mut AnyConnection,
    session_id: SessionId,
    count: usize,
) -> Result<Vec<Ticket>, sqlx::Error> {
    let mut tickets = Vec::with_capacity(count);
    while tickets.len() < count {
        let ticket = Ticket::generate();
        let inserted = sqlx::query(
            "insert into ticket (hash, session_id) values ($1, $2) on conflict do nothing",
        )
        .bind(ticket.hash().as_str())
        .bind(session_id)
        .execute(&mut *conn)
        .await?;
        if inserted.rows_affected() == 1 {
            tickets.push(ticket);
        }
    }
    Ok(tickets)
}

/// The stored release that makes the month of `held_on` final, if there is one: the
/// month's own, or its quarter's.
pub async fn release_of(
    conn: &mut AnyConnection,
    held_on: NaiveDate,
) -> Result<Option<String>, sqlx::Error> {
    let (year, month) = (held_on.year(), held_on.month());
    sqlx::query_scalar("select period from data_release where period = $1 or period = $2 limit 1")
        .bind(format!("{year:04}-{month:02}"))
        .bind(format!("{year:04}-Q{}", (month - 1) / 3 + 1))
        .fetch_optional(&mut *conn)
        .await
}

/// The program of that name by [`same_name`] (archived or not), else a new one: which,
/// and its name as stored.
async fn find_or_create_program(
    conn: &mut AnyConnection,
    name: &str,
) -> Result<(Added<ProgramId>, String), sqlx::Error> {
    let mut made = None;
    loop {
        if let Some((id, stored, _)) = program_named(conn, name, None).await? {
            let added = if made == Some(id) {
                Added::New(id)
            } else {
                Added::Existing(id)
            };
            return Ok((added, stored));
        }
        let id = ProgramId::new(random_id());
        let inserted =
            sqlx::query("insert into program (id, name) values ($1, $2) on conflict do nothing")
                .bind(id)
                .bind(name)
                .execute(&mut *conn)
                .await?;
        if inserted.rows_affected() == 1 {
            made = Some(id);
        }
    }
}

/// The circle of that name in the program by [`same_name`] (archived or not), else a new
/// one: which, and its name as stored.
async fn find_or_create_circle(
    conn: &mut AnyConnection,
    program_id: ProgramId,
    name: &str,
) -> Result<(Added<CircleId>, String), sqlx::Error> {
    let mut made = None;
    loop {
        if let Some((id, stored, _)) = circle_named(conn, program_id, name, None).await? {
            let added = if made == Some(id) {
                Added::New(id)
            } else {
                Added::Existing(id)
            };
            return Ok((added, stored));
        }
        let id = CircleId::new(random_id());
        let inserted = sqlx::query(
            "insert into circle (id, program_id, name) values ($1, $2, $3) on conflict do nothing",
        )
        .bind(id)
        .bind(program_id)
        .bind(name)
        .execute(&mut *conn)
        .await?;
        if inserted.rows_affected() == 1 {
            made = Some(id);
        }
    }
}

pub async fn find_session(
    store: &Store,
    code: &SessionCode,
) -> Result<Option<Session>, sqlx::Error> {
    let sql = format!("{SESSION_SELECT} where s.code = $1");
    sqlx::query(&sql)
        .bind(code.as_str())
        .fetch_optional(store.pool())
        .await?
        .map(|row| Session::from_row(&row))
        .transpose()
}

/// A program: its id, its current name, and the day it was archived (if it was).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub id: ProgramId,
    pub name: String,
    pub archived_on: Option<NaiveDate>,
}

impl Named {
    pub fn archived(&self) -> bool {
        self.archived_on.is_some()
    }
}

/// A circle with its program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CircleEntry {
    pub id: CircleId,
    pub program_id: ProgramId,
    pub name: String,
    /// The day the circle itself was archived (its program may be archived too).
    pub archived_on: Option<NaiveDate>,
}

impl CircleEntry {
    pub fn archived(&self) -> bool {
        self.archived_on.is_some()
    }
}

fn archived_date(stored: Option<String>) -> Option<NaiveDate> {
    // A date this version cannot read still means archived: today stands in for it.
    stored.map(|d| {
        d.parse()
            .unwrap_or_else(|_| chrono::Utc::now().date_naive())
    })
}

/// Every program, archived ones too (their history stays on every page), by name.
pub async fn programs(store: &Store) -> Result<Vec<Named>, sqlx::Error> {
    let rows: Vec<NamedRow<ProgramId>> =
        sqlx::query_as("select id, name, archived_on from program order by name")
            .fetch_all(store.pool())
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, archived_on)| Named {
            id,
            name,
            archived_on: archived_date(archived_on),
        })
        .collect())
}

/// Circles of one program, or of all programs, by name; archived ones too.
pub async fn circles(
    store: &Store,
    program_id: Option<ProgramId>,
) -> Result<Vec<CircleEntry>, sqlx::Error> {
    let rows: Vec<(CircleId, ProgramId, String, Option<String>)> = sqlx::query_as(
        "select id, program_id, name, archived_on from circle \
         where $1 is null or program_id = $1 order by name",
    )
    .bind(program_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, program_id, name, archived_on)| CircleEntry {
            id,
            program_id,
            name,
            archived_on: archived_date(archived_on),
        })
        .collect())
}

/// The current names of every program and circle, by id: what pages put on released
/// figures, which are keyed by id (so a rename carries a history with it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    pub programs: std::collections::HashMap<ProgramId, String>,
    pub circles: std::collections::HashMap<CircleId, String>,
}

pub async fn names(store: &Store) -> Result<Names, sqlx::Error> {
    let rows: Vec<(i32, i32, String)> = sqlx::query_as(
        "select 0 as kind, id, name from program union all select 1 as kind, id, name from circle",
    )
    .fetch_all(store.pool())
    .await?;
    let mut names = Names::default();
    for (kind, id, name) in rows {
        if kind == 0 {
            names.programs.insert(ProgramId::new(id), name);
        } else {
            names.circles.insert(CircleId::new(id), name);
        }
    }
    Ok(names)
}

/// The date of the first session held in a program (or, with `circle`, in that circle of
/// it), if any: the month whose release will be its first.
pub async fn first_session_on(
    store: &Store,
    program_id: ProgramId,
    circle: Option<CircleId>,
) -> Result<Option<NaiveDate>, sqlx::Error> {
    let first: Option<String> = match circle {
        Some(circle) => {
            sqlx::query_scalar("select min(held_on) from session where circle_id = $1")
                .bind(circle)
                .fetch_one(store.pool())
                .await?
        }
        None => {
            sqlx::query_scalar(
                "select min(s.held_on) from session s join circle c on c.id = s.circle_id \
             where c.program_id = $1",
            )
            .bind(program_id)
            .fetch_one(store.pool())
            .await?
        }
    };
    first
        .map(|d| d.parse().map_err(|e| sqlx::Error::Decode(Box::new(e))))
        .transpose()
}

/// The circles of a program that a new session may be opened for: neither the circle nor
/// its program archived. What the facilitator's desk offers.
pub async fn open_circles(
    store: &Store,
    program_id: ProgramId,
) -> Result<Vec<CircleEntry>, sqlx::Error> {
    let rows: Vec<(CircleId, ProgramId, String)> = sqlx::query_as(
        "select c.id, c.program_id, c.name from circle c join program p on p.id = c.program_id \
         where c.program_id = $1 and c.archived_on is null and p.archived_on is null \
         order by c.name",
    )
    .bind(program_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, program_id, name)| CircleEntry {
            id,
            program_id,
            name,
            archived_on: None,
        })
        .collect())
}

/// What an add did: made a new row, or found one of that name already there (and
/// changed nothing, so nothing is recorded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added<Id> {
    New(Id),
    Existing(Id),
}

impl<Id: Copy> Added<Id> {
    pub fn id(self) -> Id {
        match self {
            Added::New(id) | Added::Existing(id) => id,
        }
    }

    /// Whether the add made a new row.
    pub fn is_new(self) -> bool {
        matches!(self, Added::New(_))
    }
}

/// Adds a program, or finds the active one of that name ([`same_name`]). A name that
/// belongs to an archived program is refused: restore that one instead of starting a
/// second history.
pub async fn add_program(
    store: &Store,
    name: &str,
    actor: Actor<'_>,
) -> Result<Added<ProgramId>, CatalogError> {
    let name = checked_name(name, "program name")?;
    let mut tx = store.begin_write().await?;
    match program_named(&mut tx, &name, None).await? {
        Some((_, stored, Some(_))) => return Err(CatalogError::ArchivedProgram(stored)),
        Some((id, _, None)) => return Ok(Added::Existing(id)),
        None => {}
    }
    let (added, _) = find_or_create_program(&mut tx, &name).await?;
    if let Added::New(_) = added {
        audit::record(&mut *tx, Entry::new(actor, Action::ProgramAdded, &name)).await?;
    }
    tx.commit().await?;
    Ok(added)
}

/// Adds a circle to a program, or finds the active one of that name there ([`same_name`]). A name that
/// belongs to an archived circle of the program is refused (restore it instead), and an
/// archived program takes no new circles.
pub async fn add_circle(
    store: &Store,
    program_id: ProgramId,
    name: &str,
    actor: Actor<'_>,
) -> Result<Added<CircleId>, CatalogError> {
    let name = checked_name(name, "circle name")?;
    let mut tx = store.begin_write().await?;
    let (program, program_archived) = program_row(&mut tx, program_id).await?;
    if program_archived {
        return Err(CatalogError::ArchivedProgram(program));
    }
    match circle_named(&mut tx, program_id, &name, None).await? {
        Some((_, stored, Some(_))) => return Err(CatalogError::ArchivedCircle(stored)),
        Some((id, _, None)) => return Ok(Added::Existing(id)),
        None => {}
    }
    let (added, _) = find_or_create_circle(&mut tx, program_id, &name).await?;
    if let Added::New(_) = added {
        let subject = circle_subject(&program, &name);
        audit::record(&mut *tx, Entry::new(actor, Action::CircleAdded, &subject)).await?;
    }
    tx.commit().await?;
    Ok(added)
}

/// How the audit trail names a circle: with its program, since circle names repeat.
pub fn circle_subject(program: &str, circle: &str) -> String {
    format!("{circle} ({program})")
}

async fn program_row(
    conn: &mut AnyConnection,
    id: ProgramId,
) -> Result<(String, bool), CatalogError> {
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("select name, archived_on from program where id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let (name, archived) = row.ok_or(CatalogError::UnknownProgram)?;
    Ok((name, archived.is_some()))
}

/// A circle's name, its program's id and name, and whether the circle is archived.
async fn circle_row(
    conn: &mut AnyConnection,
    id: CircleId,
) -> Result<(String, ProgramId, String, bool), CatalogError> {
    let row: Option<(String, ProgramId, String, Option<String>)> = sqlx::query_as(
        "select c.name, p.id, p.name, c.archived_on from circle c \
         join program p on p.id = c.program_id where c.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let (name, program_id, program, archived) = row.ok_or(CatalogError::UnknownCircle)?;
    Ok((name, program_id, program, archived.is_some()))
}

/// Whether a database error is a unique constraint refusing a duplicate.
fn is_unique_violation(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|e| e.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

/// A rename's old and new names (the same when nothing changed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    pub old: String,
    pub new: String,
}

impl Renamed {
    pub fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// Renames a program. Its released figures are keyed by its id, so its whole history
/// follows the new name. A name another program has ([`same_name`]) is refused: two
/// histories would read as one.
pub async fn rename_program(
    store: &Store,
    id: ProgramId,
    name: &str,
    actor: Actor<'_>,
) -> Result<Renamed, CatalogError> {
    let name = checked_name(name, "program name")?;
    let mut tx = store.begin_write().await?;
    let (old, _) = program_row(&mut tx, id).await?;
    if old == name {
        return Ok(Renamed { old, new: name });
    }
    if program_named(&mut tx, &name, Some(id)).await?.is_some() {
        return Err(CatalogError::ProgramNameTaken(name));
    }
    let updated = sqlx::query("update program set name = $1 where id = $2")
        .bind(&name)
        .bind(id)
        .execute(&mut *tx)
        .await;
    match updated {
        Err(e) if is_unique_violation(&e) => return Err(CatalogError::ProgramNameTaken(name)),
        other => other?,
    };
    let detail = format!("{old} → {name}");
    audit::commit(
        tx,
        Entry::new(actor, Action::ProgramRenamed, &name).detail(&detail),
    )
    .await?;
    Ok(Renamed { old, new: name })
}

/// Renames a circle within its program (it never moves to another: its sessions were
/// released as part of this program's figures). A name another circle of the same
/// program has ([`same_name`]) is refused.
pub async fn rename_circle(
    store: &Store,
    id: CircleId,
    name: &str,
    actor: Actor<'_>,
) -> Result<Renamed, CatalogError> {
    let name = checked_name(name, "circle name")?;
    let mut tx = store.begin_write().await?;
    let (old, program_id, program, _) = circle_row(&mut tx, id).await?;
    if old == name {
        return Ok(Renamed { old, new: name });
    }
    if circle_named(&mut tx, program_id, &name, Some(id))
        .await?
        .is_some()
    {
        return Err(CatalogError::CircleNameTaken(name));
    }
    let updated = sqlx::query("update circle set name = $1 where id = $2")
        .bind(&name)
        .bind(id)
        .execute(&mut *tx)
        .await;
    match updated {
        Err(e) if is_unique_violation(&e) => return Err(CatalogError::CircleNameTaken(name)),
        other => other?,
    };
    let subject = circle_subject(&program, &name);
    let detail = format!("{old} → {name}");
    audit::commit(
        tx,
        Entry::new(actor, Action::CircleRenamed, &subject).detail(&detail),
    )
    .await?;
    Ok(Renamed { old, new: name })
}

/// A program or a circle, by id: what is archived or restored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Program(ProgramId),
    Circle(CircleId),
}

/// What archiving would touch, for the confirmation page: the name, and the sessions
/// still taking responses (they run to their end).
#[derive(Clone, Debug)]
pub struct ArchiveView {
    pub target: Target,
    pub name: String,
    /// The program's name, for a circle.
    pub program: Option<String>,
    pub archived: bool,
    /// Whether the program of a circle is archived (restoring the circle alone would
    /// still leave it taking no sessions).
    pub program_archived: bool,
    /// Circles of a program (none for a circle).
    pub circles: usize,
    /// Sessions not closed early whose window has not ended yet.
    pub open_sessions: Vec<Session>,
}

/// Reads what [`archive`] or [`restore`] would act on.
pub async fn archive_view(store: &Store, target: Target) -> Result<ArchiveView, CatalogError> {
    let mut conn = store.pool().acquire().await?;
    let (name, program, archived, program_archived, circles, filter) = match target {
        Target::Program(id) => {
            let (name, archived) = program_row(&mut conn, id).await?;
            let circles: i64 =
                sqlx::query_scalar("select count(*) from circle where program_id = $1")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            (
                name,
                None,
                archived,
                archived,
                circles as usize,
                "p.id = $1",
            )
        }
        Target::Circle(id) => {
            let (name, program_id, program, archived) = circle_row(&mut conn, id).await?;
            let (_, program_archived) = program_row(&mut conn, program_id).await?;
            (
                name,
                Some(program),
                archived,
                program_archived,
                0,
                "c.id = $1",
            )
        }
    };
    let id = match target {
        Target::Program(id) => id.get(),
        Target::Circle(id) => id.get(),
    };
    let sql = format!(
        "{SESSION_SELECT} where {filter} and s.closed = 0 and s.closes_at > $2 \
         order by s.held_on, s.closes_at, c.name, s.code"
    );
    let open_sessions = sqlx::query(&sql)
        .bind(id)
        .bind(now_unix())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(Session::from_row)
        .collect::<Result<_, _>>()?;
    Ok(ArchiveView {
        target,
        name,
        program,
        archived,
        program_archived,
        circles,
        open_sessions,
    })
}

/// Archives a program or a circle as of `on`: it takes no new sessions (and a program no
/// new circles), and stays in every release and page, marked archived. Sessions still
/// open run to their end: the meeting has happened and the people in the room hold its
/// link or their tickets, so closing it early would turn away the answers of a session
/// that took place. Returns whether anything changed (archiving twice records nothing).
pub async fn archive(
    store: &Store,
    target: Target,
    on: NaiveDate,
    actor: Actor<'_>,
) -> Result<bool, CatalogError> {
    set_archived(store, target, Some(on), actor).await
}

/// Restores an archived program or circle: it takes new sessions again. Returns whether
/// anything changed.
pub async fn restore(
    store: &Store,
    target: Target,
    actor: Actor<'_>,
) -> Result<bool, CatalogError> {
    set_archived(store, target, None, actor).await
}

async fn set_archived(
    store: &Store,
    target: Target,
    on: Option<NaiveDate>,
    actor: Actor<'_>,
) -> Result<bool, CatalogError> {
    let mut tx = store.begin_write().await?;
    let (table, id, subject, archived, action) = match target {
        Target::Program(id) => {
            let (name, archived) = program_row(&mut tx, id).await?;
            let action = if on.is_some() {
                Action::ProgramArchived
            } else {
                Action::ProgramRestored
            };
            ("program", id.get(), name, archived, action)
        }
        Target::Circle(id) => {
            let (name, _, program, archived) = circle_row(&mut tx, id).await?;
            let action = if on.is_some() {
                Action::CircleArchived
            } else {
                Action::CircleRestored
            };
            (
                "circle",
                id.get(),
                circle_subject(&program, &name),
                archived,
                action,
            )
        }
    };
    if archived == on.is_some() {
        return Ok(false);
    }
    sqlx::query(&format!(
        "update {table} set archived_on = $1 where id = $2"
    ))
    .bind(on.map(|d| d.to_string()))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let detail = on.map(|d| format!("as of {d}")).unwrap_or_default();
    audit::commit(tx, Entry::new(actor, action, &subject).detail(&detail)).await?;
    Ok(true)
}

/// Forgets a staff account as the opener of its sessions, for its removal (in the
/// removal's transaction): nobody sees those sessions' live counts any more, and the
/// account's id, which a later account may be given, then names no session.
pub async fn forget_opener(conn: &mut AnyConnection, staff_id: StaffId) -> Result<(), sqlx::Error> {
    sqlx::query("update session set opened_by = null where opened_by = $1")
        .bind(staff_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The latest sessions of a program, newest first: what a facilitator's desk lists.
pub async fn recent_sessions(
    store: &Store,
    program_id: ProgramId,
    limit: u32,
) -> Result<Vec<Session>, sqlx::Error> {
    let sql = format!(
        "{SESSION_SELECT} where p.id = $1 order by s.held_on desc, s.closes_at desc, c.name, s.code limit $2"
    );
    sqlx::query(&sql)
        .bind(program_id)
        .bind(i64::from(limit))
        .fetch_all(store.pool())
        .await?
        .iter()
        .map(Session::from_row)
        .collect()
}

/// Closing early also brings `closes_at` forward to the moment of closing, so it says when
/// the session stopped taking answers: its paper forms' time is counted from it
/// (`collector::paper::paper_until`). Portable SQL for "the earlier of the two".
const CLOSE_NOW: &str = "update session set closed = 1, \
     closes_at = case when closes_at > $2 then $2 else closes_at end \
     where code = $1";

/// Closes a session early: it accepts nothing more online.
pub async fn close_session(store: &Store, code: &SessionCode) -> Result<(), CatalogError> {
    let closed = sqlx::query(CLOSE_NOW)
        .bind(code.as_str())
        .bind(now_unix())
        .execute(store.pool())
        .await?;
    if closed.rows_affected() == 0 {
        return Err(CatalogError::UnknownCode(code.to_string()));
    }
    Ok(())
}

/// Closes a session early, recording who closed it in the audit trail in the same
/// transaction. `false`, with no entry, when it was closed already (a form sent twice).
pub async fn close_session_by(
    store: &Store,
    code: &SessionCode,
    by: Actor<'_>,
) -> Result<bool, CatalogError> {
    let mut tx = store.begin_write().await?;
    let closed = sqlx::query(&format!("{CLOSE_NOW} and closed = 0"))
        .bind(code.as_str())
        .bind(now_unix())
        .execute(&mut *tx)
        .await?;
    let sql = format!("{SESSION_SELECT} where s.code = $1");
    let Some(session) = sqlx::query(&sql)
        .bind(code.as_str())
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| Session::from_row(&row))
        .transpose()?
    else {
        return Err(CatalogError::UnknownCode(code.to_string()));
    };
    if closed.rows_affected() == 0 {
        return Ok(false);
    }
    let subject = code.to_string();
    let detail = format!(
        "{} / {}, {}",
        session.program, session.circle, session.held_on
    );
    audit::commit(
        tx,
        Entry::new(by, Action::SessionClosed, &subject).detail(&detail),
    )
    .await?;
    Ok(true)
}

/// Why unused tickets could not be replaced.
#[derive(Debug, thiserror::Error)]
pub enum ReplaceError {
    #[error("the session takes no more answers, so its cards cannot be replaced")]
    NotOpen,
    #[error("the session has no ticket cards")]
    NotTicketed,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Voids the still-unused tickets of an open ticketed session and issues as many fresh
/// ones, in one transaction with its audit entry: what a facilitator does when the cards
/// are lost, or need printing again (no copy of a card is ever kept, so a reprint is new
/// cards). Used tickets stay used and the capacity is unchanged. Returns the fresh
/// tickets, which exist nowhere else once this returns; none when every card was used.
///
/// # Privacy
/// How many cards were replaced is the number not used yet, which with the number
/// printed tells how many people had answered by then: so the audit entry does not
/// carry it (an open session's count of answers is shown live, never kept).
pub async fn replace_unused_tickets(
    store: &Store,
    session_id: SessionId,
    by: Actor<'_>,
) -> Result<Vec<Ticket>, ReplaceError> {
    let mut tx = store.begin_write().await?;
    // The session row first, then its tickets, in the order the committer and the seal
    // take them (so none of them can deadlock): a ticket being used as this runs is either
    // used first (and stays used) or voided first (and its form is told the ticket is
    // unknown). Claiming the session row keeps it open, and unsealed, until this commits.
    let open = sqlx::query(
        "update session set ticketed = ticketed \
         where id = $1 and closed = 0 and sealed = 0 and closes_at > $2 and received < capacity",
    )
    .bind(session_id)
    .bind(now_unix())
    .execute(&mut *tx)
    .await?;
    if open.rows_affected() == 0 {
        return Err(ReplaceError::NotOpen);
    }
    let voided = sqlx::query("delete from ticket where session_id = $1 and used = 0")
        .bind(session_id)
        .execute(&mut *tx)
        .await?
        .rows_affected() as usize;
    let sql = format!("{SESSION_SELECT} where s.id = $1");
    let session = Session::from_row(
        &sqlx::query(&sql)
            .bind(session_id)
            .fetch_one(&mut *tx)
            .await?,
    )?;
    if !session.ticketed {
        return Err(ReplaceError::NotTicketed);
    }
    if voided == 0 {
        return Ok(vec![]);
    }
    let tickets = insert_tickets(&mut tx, session_id, voided).await?;
    let subject = session.code.to_string();
    let detail = format!(
        "{} / {}, {}: every unused card voided, as many new cards issued",
        session.program, session.circle, session.held_on
    );
    audit::commit(
        tx,
        Entry::new(by, Action::TicketsReplaced, &subject).detail(&detail),
    )
    .await?;
    Ok(tickets)
}

/// How many tickets of a session are not used yet (what a replacement would void).
pub async fn unused_tickets(store: &Store, session_id: SessionId) -> Result<u32, sqlx::Error> {
    let n: i64 =
        sqlx::query_scalar("select count(*) from ticket where session_id = $1 and used = 0")
            .bind(session_id)
            .fetch_one(store.pool())
            .await?;
    Ok(n as u32)
}

/// Whether a ticket of a ticketed session can still be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TicketState {
    Unused,
    Used,
}

/// Looks a ticket up without using it: what the participant's ticket page asks before
/// showing the form. `None` for a ticket this session does not have (another session's is
/// unknown here too, as it is when a form is sent with it).
///
/// # Privacy
/// A read only: it writes nothing, so checking a card stores no trace of the check.
pub async fn ticket_state(
    store: &Store,
    session_id: SessionId,
    ticket: &TicketHash,
) -> Result<Option<TicketState>, sqlx::Error> {
    let used: Option<i32> =
        sqlx::query_scalar("select used from ticket where hash = $1 and session_id = $2")
            .bind(ticket.as_str())
            .bind(session_id)
            .fetch_optional(store.pool())
            .await?;
    Ok(used.map(|u| {
        if u == 0 {
            TicketState::Unused
        } else {
            TicketState::Used
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
    }

    #[test]
    fn names_are_trimmed_and_must_not_be_empty() {
        assert!(matches!(
            NewSession::new("  ", "c", day(), None, None, None),
            Err(CatalogError::EmptyName("program name"))
        ));
        let s = NewSession::new(" Peer Bridges ", "Tuesday", day(), None, None, None).unwrap();
        assert_eq!(s.program, "Peer Bridges");
        assert_eq!((s.capacity, s.hours, s.tickets), (40, 24, 0));
    }

    #[test]
    fn capacity_defaults_to_the_ticket_count_in_ticket_mode() {
        let s = NewSession::new("p", "c", day(), None, None, Some(12)).unwrap();
        assert_eq!(s.capacity, 12);
        let s = NewSession::new("p", "c", day(), Some(20), None, Some(12)).unwrap();
        assert_eq!(s.capacity, 20);
    }

    #[test]
    fn out_of_range_settings_are_refused() {
        assert!(matches!(
            NewSession::new("p", "c", day(), Some(0), None, None),
            Err(CatalogError::Capacity)
        ));
        assert!(matches!(
            NewSession::new("p", "c", day(), None, None, Some(0)),
            Err(CatalogError::Tickets)
        ));
        assert!(matches!(
            NewSession::new("p", "c", day(), Some(1001), None, None),
            Err(CatalogError::Capacity)
        ));
        assert!(matches!(
            NewSession::new("p", "c", day(), None, Some(0), None),
            Err(CatalogError::Hours)
        ));
        assert!(matches!(
            NewSession::new("p", "c", day(), None, None, Some(5000)),
            Err(CatalogError::Tickets)
        ));
    }

    /// An open session of `capacity` closing at 100, with `received` responses.
    fn session(capacity: u32, received: u32) -> Session {
        Session {
            id: SessionId::new(1),
            code: SessionCode::generate(),
            program_id: ProgramId::new(1),
            program: "p".into(),
            circle: "c".into(),
            held_on: day(),
            closes_at: 100,
            capacity,
            received,
            ticketed: false,
            closed: false,
            kiosk: None,
            opened_by: None,
            default_lang: None,
        }
    }

    #[test]
    fn a_session_is_closed_after_its_window_and_full_at_capacity() {
        let mut s = session(2, 1);
        assert_eq!(s.state(99), SessionState::Open);
        assert_eq!(s.state(100), SessionState::Closed);
        s.received = 2;
        assert_eq!(s.state(99), SessionState::Full);
        s.closed = true;
        assert_eq!(s.state(0), SessionState::Closed);
    }

    #[test]
    fn only_the_opener_reads_the_live_count_and_only_until_the_session_closes() {
        let mut s = Session {
            opened_by: Some(StaffId::new(5)),
            ..session(9, 7)
        };
        assert_eq!(s.live_count(StaffId::new(5), 99), Some(7));
        assert_eq!(s.live_count(StaffId::new(6), 99), None, "another account");
        assert_eq!(s.live_count(StaffId::new(5), 100), None, "past its window");
        s.received = 9;
        assert_eq!(
            s.live_count(StaffId::new(5), 99),
            Some(9),
            "full is not closed"
        );
        s.closed = true;
        assert_eq!(s.live_count(StaffId::new(5), 0), None, "closed early");
        s.closed = false;
        s.opened_by = None;
        assert_eq!(
            s.live_count(StaffId::new(5), 99),
            None,
            "opened from the command line"
        );
    }

    #[test]
    fn a_kiosk_token_opens_its_session_only_while_it_is_open() {
        let token = KioskToken::generate();
        let mut s = Session {
            kiosk: Some(token.clone()),
            ..session(2, 0)
        };
        assert!(s.kiosk_open(token.as_str(), 99));
        assert!(!s.kiosk_open(&KioskToken::generate().0, 99));
        assert!(!s.kiosk_open("", 99));
        assert!(!s.kiosk_open(token.as_str(), 100), "past its window");
        s.received = 2;
        assert!(s.kiosk_open(token.as_str(), 99), "full: opens, to say so");
        s.closed = true;
        assert!(!s.kiosk_open(token.as_str(), 0), "closed early");
        s.kiosk = None;
        assert!(!s.kiosk_open(token.as_str(), 0));
        assert!(!format!("{token:?}").contains(token.as_str()));
    }

    #[test]
    fn names_that_differ_only_in_letter_case_are_one_name() {
        assert!(same_name("Peer Bridges", "peer bridges"));
        assert!(same_name("Peer Bridges", " PEER BRIDGES "));
        assert!(
            same_name("Café Ñandú", "CAFÉ ñandú"),
            "beyond ASCII, on both stores"
        );
        assert!(!same_name("Peer Bridges", "Peer  Bridges"));
        assert!(!same_name("Peer Bridges", "Peer Bridge"));
    }

    const ROUNDS: usize = 6;
    const AT_ONCE: usize = 8;

    /// Runs `job(store, round, task)` in [`AT_ONCE`] tasks at once, [`ROUNDS`] times, on a
    /// fresh SQLite store while another connection writes; returns what failed.
    ///
    /// A transaction that reads first and writes later cannot take SQLite's write lock
    /// once another connection holds it or has written since the read: SQLite answers
    /// "database is locked" at once, without the busy timeout. So every transaction here
    /// that reads before it writes takes the lock first (see [`Store::begin_write`]).
    async fn at_once_while_another_writes<F, Fut>(job: F) -> Vec<String>
    where
        F: Fn(Store, usize, usize) -> Fut,
        Fut: std::future::Future<Output = Result<(), CatalogError>> + Send + 'static,
    {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};

        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("h.db").display());
        let store = Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let writer = tokio::spawn({
            let (store, stop) = (store.clone(), stop.clone());
            async move {
                while !stop.load(Ordering::Relaxed) {
                    sqlx::query("insert into commit_marker (token) values ($1)")
                        .bind(format!("{:032x}", rand::random::<u128>()))
                        .execute(store.pool())
                        .await
                        .unwrap();
                    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
                }
            }
        });
        let mut failed = vec![];
        for round in 0..ROUNDS {
            let tasks: Vec<_> = (0..AT_ONCE)
                .map(|i| tokio::spawn(job(store.clone(), round, i)))
                .collect();
            for task in tasks {
                if let Err(error) = task.await.unwrap() {
                    failed.push(error.to_string());
                }
            }
        }
        stop.store(true, Ordering::Relaxed);
        writer.await.unwrap();
        failed
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sessions_opened_at_once_on_sqlite_while_another_writes_all_open() {
        let failed = at_once_while_another_writes(|store, round, i| async move {
            // Half the programs new, half shared: both paths of find-or-create.
            let program = format!("Program {}", if i % 2 == 0 { i } else { 100 * round + i });
            let new = NewSession::new(&program, "Circle", day(), None, None, None)?;
            open_session(&store, &new).await.map(|_| ())
        })
        .await;
        assert!(
            failed.is_empty(),
            "{} of {} sessions failed to open; first: {}",
            failed.len(),
            ROUNDS * AT_ONCE,
            failed[0]
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn programs_and_circles_changed_at_once_on_sqlite_while_another_writes_all_change() {
        let failed = at_once_while_another_writes(|store, round, i| async move {
            let by = Actor::Staff("admin@example.org");
            let name = format!("Program {round}-{i}");
            let program = add_program(&store, &name, by).await?.id();
            let circle = add_circle(&store, program, "Circle", by).await?.id();
            rename_program(&store, program, &format!("{name}, renamed"), by).await?;
            rename_circle(&store, circle, "Circle, renamed", by).await?;
            archive(&store, Target::Circle(circle), day(), by).await?;
            archive(&store, Target::Program(program), day(), by).await?;
            restore(&store, Target::Program(program), by).await?;
            Ok(())
        })
        .await;
        assert!(
            failed.is_empty(),
            "{} of {} changes failed; first: {}",
            failed.len(),
            ROUNDS * AT_ONCE,
            failed[0]
        );
    }

    #[test]
    fn a_tablet_session_takes_no_tickets() {
        let s = NewSession::new("p", "c", day(), None, None, None).unwrap();
        assert!(s.for_tablet().unwrap().kiosk);
        let s = NewSession::new("p", "c", day(), None, None, Some(3)).unwrap();
        assert!(matches!(s.for_tablet(), Err(CatalogError::KioskTickets)));
    }
}
