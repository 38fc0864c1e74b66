#!/usr/bin/env bash
# Data hook for the reporting benchmark (bench/reporting.sh): adds to summit <id> of a fresh SQLite database a
# published statement with <c> commitments (c/2 numbered commitments with one lettered item each, all for every
# member), <m> member organisations that endorsed it, and <k> reporting cycles on it whose deadlines have passed, each
# with a submitted report from every member (c entries each; half the members consent to publishing narratives).
# Plain INSERTs in one transaction: the rows the desks would write; what is measured afterwards goes through the app.
#   bash bench/reporting-data.sh <summit.db> <summit-id> <members> <commitments> <cycles>
set -euo pipefail
db=$1 summit=$2 m=$3 c=$4 k=$5
((c % 2 == 0)) || { echo "reporting-data: the number of commitments must be even" >&2; exit 1; }
text="# Bench statement of action"$'\n\n'"We, the members, are united."$'\n\n'"## All members commit to {audience=all}"$'\n'
for ((i = 1; i <= c / 2; i++)); do text+=$'\n'"$i. **Commitment $i**"$'\n'"   a. Carry out item $i."; done
text+=$'\n'
hash=$(printf '%s' "$text" | sha256sum | cut -d' ' -f1)
anchors=""
for ((i = 1; i <= c / 2; i++)); do anchors+="('all-$i'),('all-$i.a'),"; done
now="strftime('%Y-%m-%d %H:%M:%f', 'now')"
guid="upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a' || substr(h, 18, 3) || '-' || substr(h, 21, 12))"
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO Statements (SummitId, Kind, Title, Status, SignatoriesEmbargoed, AgreedByLayout, LateEndorsements, Standing, CreatedUtc, ClosedUtc, Version)
VALUES ($summit, 'StatementOfAction', 'Bench statement of action', 'Published', 0, 'BySector', 0, 0, $now, $now, '6B2E1C0A-0000-4000-A000-000000000002');
CREATE TEMP TABLE st AS SELECT last_insert_rowid() AS Id;
INSERT INTO StatementVersions (StatementId, Number, Text, ContentHash, AuthorName, ChangeNote, CreatedUtc)
SELECT Id, 1, '$(sed "s/'/''/g" <<<"$text")', '$hash', 'Bench', '', $now FROM st;
UPDATE Statements SET FinalVersionId = (SELECT max(Id) FROM StatementVersions) WHERE Id = (SELECT Id FROM st);

CREATE TEMP TABLE seq AS WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < $m - 1) SELECT k FROM i;
INSERT INTO Organisations (FormalName, SortName, Sector, CountryCode, CreatedUtc, Version)
SELECT 'Bench member ' || k, 'Bench member ' || printf('%04d', k),
       CASE k % 4 WHEN 0 THEN 'Government' WHEN 1 THEN 'PrivateSector' WHEN 2 THEN 'CivilSociety' ELSE 'InternationalOrganisation' END,
       CASE WHEN k % 4 = 3 THEN NULL ELSE 'KE' END, $now, (SELECT $guid FROM (SELECT lower(hex(randomblob(16))) AS h))
FROM seq;
CREATE TEMP TABLE member AS SELECT Id FROM Organisations WHERE FormalName LIKE 'Bench member %';
INSERT INTO Endorsements (StatementId, OrganisationId, StatementVersionId, ContentHash, SignerUserId, PrintedName, PrintedPosition, SignedUtc)
SELECT (SELECT Id FROM st), member.Id, (SELECT FinalVersionId FROM Statements WHERE Id = (SELECT Id FROM st)), '$hash',
       (SELECT min(Id) FROM AspNetUsers), 'Bench Minister', 'Minister', $now
FROM member;

CREATE TEMP TABLE cyc AS WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < $k) SELECT n FROM i;
INSERT INTO ReportingCycles (SummitId, Title, OpensUtc, DeadlineUtc, CreatedByUserId, CreatedUtc)
SELECT $summit, 'Bench biennial report ' || n, strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (30 * n) || ' days'),
       strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 hours'), (SELECT min(Id) FROM AspNetUsers), $now FROM cyc;
INSERT INTO ReportingCycleStatements (CycleId, StatementId) SELECT Id, (SELECT Id FROM st) FROM ReportingCycles WHERE Title LIKE 'Bench biennial report %';
INSERT INTO ProgressReports (CycleId, OrganisationId, Number, Status, CreatedByUserId, CreatedUtc, SubmittedUtc, SubmittedByUserId, ContentHash,
  NarrativesPublic, Review, Version)
SELECT r.Id, member.Id, 1, 'Submitted', (SELECT min(Id) FROM AspNetUsers), $now, $now, (SELECT min(Id) FROM AspNetUsers), lower(hex(randomblob(32))),
       member.Id % 2, 'Unread', (SELECT $guid FROM (SELECT lower(hex(randomblob(16))) AS h))
FROM ReportingCycles r, member WHERE r.Title LIKE 'Bench biennial report %';
CREATE TEMP TABLE anchor(a TEXT);
INSERT INTO anchor VALUES ${anchors%,};
INSERT INTO ProgressEntries (ReportId, StatementId, Anchor, Status, Narrative, EvidenceLinks)
SELECT p.Id, (SELECT Id FROM st), anchor.a,
       CASE (p.Id + length(anchor.a)) % 4 WHEN 0 THEN 'NotStarted' WHEN 1 THEN 'InProgress' WHEN 2 THEN 'Achieved' ELSE 'NotApplicable' END,
       'Progress on ' || anchor.a || ': a national plan was **adopted** and officers were trained.', 'https://example.org/evidence'
FROM ProgressReports p JOIN ReportingCycles r ON r.Id = p.CycleId, anchor WHERE r.Title LIKE 'Bench biennial report %';
COMMIT;
SELECT 'reporting-data: ' || (SELECT count(*) FROM member) || ' members, ' || (SELECT count(*) FROM anchor) || ' commitments, '
  || (SELECT count(*) FROM ReportingCycles WHERE Title LIKE 'Bench biennial report %') || ' cycles, '
  || (SELECT count(*) FROM ProgressEntries) || ' entries';
SQL
