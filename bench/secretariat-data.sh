#!/usr/bin/env bash
# Data hook for the secretariat benchmark (bench/secretariat.sh): fills summit <id> of a fresh SQLite database with
# <n> registrations (each with its own account), <n>/20 breakouts in <n>/400 rooms over the summit's two days and
# 2.5 × <n> confirmed bookings (4,000 → 200 breakouts and 10,000 bookings), in one transaction of plain INSERTs: the
# rows the desks would write, but in a second instead of an hour of form posts. What is measured afterwards goes
# through the app.
#   bash bench/secretariat-data.sh <summit.db> <summit-id> <n>
# Registrations: 50% Approved (they hold the bookings: 5 each, one per time slot), 30% Pending, 10% Waitlisted,
# 10% Rejected; the Pending ones with k % 10 = 5 (n/10) belong to the "Bench bulk delegation" (the bulk decision's filter).
set -euo pipefail
db=$1 summit=$2 n=$3
((n >= 400 && n % 400 == 0)) || { echo "secretariat-data: n must be a multiple of 400" >&2; exit 1; }
rooms=$((n / 400))            # 20 slots per room (2 days × 10 hours): n/20 breakouts
now="strftime('%Y-%m-%d %H:%M:%f', 'now')"
guid="upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a' || substr(h, 18, 3) || '-' || substr(h, 21, 12))"
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
-- 100 organisations over the four sectors and 50 countries, plus the bulk delegation.
WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 99),
  c(codes) AS (SELECT 'KEGHNGZAEGMAUSGBFRDEITESSEPLNLBEBRMXARCLCOCAAUNZJPKRINPKBDPHTHIDMYVNAEQAJOTRUAILCHATIEPTGRDKFINO')
INSERT INTO Organisations (FormalName, SortName, Sector, CountryCode, CreatedUtc, Version)
SELECT 'Bench organisation ' || k, 'Bench organisation ' || printf('%03d', k),
       CASE k % 4 WHEN 0 THEN 'Government' WHEN 1 THEN 'PrivateSector' WHEN 2 THEN 'CivilSociety' ELSE 'InternationalOrganisation' END,
       CASE WHEN k % 4 = 3 THEN NULL ELSE substr(codes, 1 + 2 * (k % 50), 2) END, $now,
       (SELECT $guid FROM (SELECT lower(hex(randomblob(16))) AS h))
FROM i, c;
INSERT INTO Organisations (FormalName, SortName, Sector, CountryCode, CreatedUtc, Version)
VALUES ('Bench bulk delegation', 'Bench bulk delegation', 'Government', 'KE', $now, '6B2E1C0A-0000-4000-A000-000000000001');

CREATE TEMP TABLE seq AS WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < $n - 1) SELECT k FROM i;
INSERT INTO AspNetUsers (Id, FullName, CreatedUtc, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
  SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
SELECT 'bench-user-' || k, 'Bench Delegate ' || k, $now, 'bench' || k || '@example.org', 'BENCH' || k || '@EXAMPLE.ORG',
       'bench' || k || '@example.org', 'BENCH' || k || '@EXAMPLE.ORG', 1, upper(hex(randomblob(16))), lower(hex(randomblob(16))), 0, 0, 1, 0
FROM seq;
-- By k % 10: 0–4 Approved, 5–7 Pending (5: the bulk delegation), 8 Waitlisted, 9 Rejected.
INSERT INTO Registrations (SummitId, UserId, OrganisationId, FullName, Position, Category, IsMinister, ConsentToPublicList,
  Status, DecidedUtc, WaitlistedUtc, WaitingForPlace, BadgeCode, CalendarToken, CreatedUtc, Version, Rank)
SELECT $summit, 'bench-user-' || k,
       CASE WHEN k % 10 = 5 THEN (SELECT Id FROM Organisations WHERE FormalName = 'Bench bulk delegation')
            ELSE (SELECT min(Id) FROM Organisations) + k % 100 END,
       'Bench Delegate ' || k, 'Director', CASE WHEN k % 25 = 0 THEN 'HeadOfDelegation' ELSE 'Delegate' END, k % 50 = 0, 1,
       CASE WHEN k % 10 < 5 THEN 'Approved' WHEN k % 10 < 8 THEN 'Pending' WHEN k % 10 = 8 THEN 'Waitlisted' ELSE 'Rejected' END,
       CASE WHEN k % 10 < 5 OR k % 10 >= 8 THEN $now END,
       CASE WHEN k % 10 = 8 THEN $now END, 0,
       'BENCH' || printf('%06d', k), lower(hex(randomblob(16))), $now,
       (SELECT $guid FROM (SELECT lower(hex(randomblob(16))) AS h)),
       CASE WHEN k % 50 = 0 THEN 'Minister' ELSE 'None' END
FROM seq;
UPDATE Summits SET DelegateCapacity = 2 * $n,
  ApprovedCount = (SELECT count(*) FROM Registrations WHERE SummitId = $summit AND Status = 'Approved') WHERE Id = $summit;

-- Rooms and breakouts: room r, slot s (0–19: day s / 10, hour 08:00 + s % 10 in the summit's zone; the sample summit
-- is in Asia/Dubai, UTC+4, so 08:00 local is 04:00 UTC).
INSERT INTO Rooms (SummitId, Name, Capacity, Notes) SELECT $summit, 'Bench room ' || k, 80, NULL FROM seq WHERE k < $rooms;
CREATE TEMP TABLE slot AS SELECT k AS s FROM seq WHERE k < 20;
INSERT INTO Breakouts (SummitId, Title, Description, RoomId, StartUtc, EndUtc, Capacity, ConfirmedCount, Sequence, Version, IsPlenary)
SELECT $summit, 'Bench breakout ' || r.Id || '-' || s, 'A breakout made by the benchmark''s data hook.', r.Id,
       strftime('%Y-%m-%d %H:%M:%f', su.StartDate, '+' || (s / 10) || ' days', '+' || (4 + s % 10) || ' hours'),
       strftime('%Y-%m-%d %H:%M:%f', su.StartDate, '+' || (s / 10) || ' days', '+' || (5 + s % 10) || ' hours'),
       60, 0, 0, (SELECT $guid FROM (SELECT lower(hex(randomblob(16))) AS h)), 0
FROM Rooms r JOIN Summits su ON su.Id = r.SummitId, slot WHERE r.SummitId = $summit AND r.Name LIKE 'Bench room %';

-- Bookings: the a-th approved registration takes room a % rooms in slots (a / rooms + 2j) % 20, j = 0…4: five
-- sessions that do not overlap, 50 confirmed seats per breakout.
CREATE TEMP TABLE approved AS
  SELECT Id, row_number() OVER (ORDER BY Id) - 1 AS a FROM Registrations WHERE SummitId = $summit AND Status = 'Approved';
CREATE TEMP TABLE roomno AS SELECT Id, row_number() OVER (ORDER BY Id) - 1 AS r FROM Rooms WHERE SummitId = $summit AND Name LIKE 'Bench room %';
INSERT INTO Bookings (BreakoutId, RegistrationId, Status, RequestedUtc, ConfirmedUtc, Version)
SELECT b.Id, ap.Id, 'Confirmed', $now, $now, (SELECT $guid FROM (SELECT lower(hex(randomblob(16))) AS h))
FROM approved ap JOIN (SELECT k AS j FROM seq WHERE k < 5) js
JOIN roomno rn ON rn.r = ap.a % $rooms
JOIN Breakouts b ON b.RoomId = rn.Id
  AND b.StartUtc = strftime('%Y-%m-%d %H:%M:%f', (SELECT StartDate FROM Summits WHERE Id = $summit),
        '+' || (((ap.a / $rooms + 2 * js.j) % 20) / 10) || ' days', '+' || (4 + ((ap.a / $rooms + 2 * js.j) % 20) % 10) || ' hours');
UPDATE Breakouts SET ConfirmedCount = (SELECT count(*) FROM Bookings WHERE BreakoutId = Breakouts.Id AND Status = 'Confirmed')
WHERE SummitId = $summit;
COMMIT;
SELECT 'secretariat-data: ' || (SELECT count(*) FROM Registrations WHERE SummitId = $summit) || ' registrations, '
  || (SELECT count(*) FROM Breakouts WHERE SummitId = $summit) || ' breakouts, '
  || (SELECT count(*) FROM Bookings b JOIN Breakouts x ON x.Id = b.BreakoutId WHERE x.SummitId = $summit) || ' bookings';
SQL
