#!/usr/bin/env python3
"""Verify an exported WeProtect Summit audit trail, outside the app, with the Python standard library only.

    python3 scripts/verify-audit.py --trail audit-trail.jsonl [--checkpoints audit-checkpoints.jsonl] [--key [ID=]FILE ...]

--trail        the export from Admin > Audit trail > "Export the trail" (one JSON object per row).
--checkpoints  the file from "Checkpoints" (or a copy kept elsewhere): each line a checkpoint signed with the app's
               signing certificate (RSA PKCS#1 v1.5, SHA-256), the certificate included. Compare the printed
               certificate thumbprint with the one published with the communiques.
--key          an audit MAC key file (base64, as in audit/mac.key of the data folder; id "local-1" unless given as
               ID=FILE). With the keys, each row's HMAC-SHA-256 is checked; without them, only the hash chain.

Checks, for every row: its fields equal its canonical form (a JSON array: sequence, occurredUtc, actorUserId,
actorName, action, subjectType, subjectId, summary, previousHash), sequence numbers run 1, 2, 3..., previousHash is
the hash of the row before (64 zeros for the first), hash = SHA-256 of the canonical form (UTF-8, lowercase hex),
and the MAC. For every checkpoint: its signature, and that the trail still has that many rows with the row at that
position carrying the signed hash (so rows deleted from the end are caught). Exit code 0 and "OK" when all hold.
"""
import argparse
import base64
import hashlib
import hmac
import json
import sys

FIELDS = ["sequence", "occurredUtc", "actorUserId", "actorName", "action", "subjectType", "subjectId", "summary", "previousHash"]
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def der(data, offset):
    """One DER element at offset: (tag, content start, content end)."""
    tag = data[offset]
    length = data[offset + 1]
    start = offset + 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[start:start + count], "big")
        start += count
    return tag, start, start + length


def children(data, start, end):
    items = []
    while start < end:
        tag, s, e = der(data, start)
        items.append((tag, s, e))
        start = e
    return items


def rsa_public_key(certificate):
    _, s, e = der(certificate, 0)                     # Certificate
    tbs_tag, ts, te = children(certificate, s, e)[0]  # tbsCertificate
    fields = children(certificate, ts, te)
    if fields[0][0] == 0xA0:                          # [0] version
        fields = fields[1:]
    _, ks, ke = fields[5]                             # subjectPublicKeyInfo
    algorithm, bit_string = children(certificate, ks, ke)
    if b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01" not in certificate[algorithm[1]:algorithm[2]]:
        fail("the checkpoint certificate's key is not RSA: check its signature with openssl instead")
    key = certificate[bit_string[1] + 1:bit_string[2]]  # skip the unused-bits byte
    _, rs, re_ = der(key, 0)
    n, e = children(key, rs, re_)
    return int.from_bytes(key[n[1]:n[2]], "big"), int.from_bytes(key[e[1]:e[2]], "big")


def rsa_verifies(certificate, message, signature):
    n, e = rsa_public_key(certificate)
    k = (n.bit_length() + 7) // 8
    decoded = pow(int.from_bytes(signature, "big"), e, n).to_bytes(k, "big")
    suffix = SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    expected = b"\x00\x01" + b"\xff" * (k - 3 - len(suffix)) + b"\x00" + suffix
    return hmac.compare_digest(decoded, expected)


def main():
    parser = argparse.ArgumentParser(description="Verify an exported audit trail and its checkpoints.")
    parser.add_argument("--trail", required=True)
    parser.add_argument("--checkpoints")
    parser.add_argument("--key", action="append", default=[])
    args = parser.parse_args()

    keys = {}
    for entry in args.key:
        key_id, path = entry.split("=", 1) if "=" in entry else ("local-1", entry)
        with open(path, encoding="ascii") as f:
            keys[key_id] = base64.b64decode(f.read().strip())

    with open(args.trail, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    previous = "0" * 64
    for expected, row in enumerate(rows, start=1):
        canonical = row.get("canonical", "")
        if row.get("sequence") != expected:
            fail(f"row {expected} is missing: the trail jumps to row {row.get('sequence')}")
        if json.loads(canonical) != [row.get(name) for name in FIELDS]:
            fail(f"row {expected}: its fields differ from its canonical form")
        if row["previousHash"] != previous:
            fail(f"row {expected}: it does not follow the row before it")
        if hashlib.sha256(canonical.encode("utf-8")).hexdigest() != row["hash"]:
            fail(f"row {expected}: its hash does not match its content")
        if keys:
            key = keys.get(row.get("macKeyId"))
            if key is None:
                fail(f"row {expected}: its MAC key \"{row.get('macKeyId')}\" was not given")
            mac = hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()
            if not hmac.compare_digest(mac, row.get("mac") or ""):
                fail(f"row {expected}: its MAC does not match (changed without the key)")
        previous = row["hash"]
    print(f"{len(rows)} rows: hash chain intact" + (", MACs verified" if keys else " (MACs not checked: no key given)"))

    if args.checkpoints:
        with open(args.checkpoints, encoding="utf-8") as f:
            checkpoints = [json.loads(line) for line in f if line.strip()]
        for checkpoint in checkpoints:
            signed = json.dumps([checkpoint["rows"], checkpoint["headHash"], checkpoint["writtenUtc"], checkpoint["reason"]],
                                separators=(",", ":"), ensure_ascii=True)
            certificate = base64.b64decode(checkpoint["certificate"])
            if not rsa_verifies(certificate, signed.encode("utf-8"), base64.b64decode(checkpoint["signature"])):
                fail(f"the checkpoint of {checkpoint['writtenUtc']}: its signature does not hold")
            count = checkpoint["rows"]
            if count > len(rows):
                fail(f"the checkpoint of {checkpoint['writtenUtc']} saw {count} rows, the trail has {len(rows)}: rows were deleted from its end")
            if count > 0 and rows[count - 1]["hash"] != checkpoint["headHash"]:
                fail(f"the checkpoint of {checkpoint['writtenUtc']}: row {count} does not carry the signed hash")
            thumbprint = hashlib.sha1(certificate).hexdigest().upper()
            print(f"checkpoint {checkpoint['writtenUtc']} ({count} rows, {checkpoint['reason']}): signature holds, certificate {thumbprint}")
    print("OK")


if __name__ == "__main__":
    main()
