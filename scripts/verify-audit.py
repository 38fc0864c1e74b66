#!/usr/bin/env python3
"""Verify an exported WeProtect Summit audit trail, outside the app, with the Python standard library only.

    python3 scripts/verify-audit.py --trail audit-trail.jsonl [--checkpoints audit-checkpoints.jsonl] [--key [ID=]FILE ...]

--trail        the export from Admin > Audit trail > "Export the trail" (one JSON object per row).
--checkpoints  the file from "Checkpoints" (or a copy kept elsewhere): each line a checkpoint signed with the app's
               signing certificate (RSA PKCS#1 v1.5 or ECDSA on P-256/P-384/P-521, with SHA-256), the certificate included. Compare the printed
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


# Named curves a signing certificate may use: OID content bytes -> (p, a, b, Gx, Gy, n). From SEC 2 / FIPS 186-4.
CURVES = {
    bytes.fromhex("2a8648ce3d030107"): (  # P-256
        0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff,
        0xffffffff00000001000000000000000000000000fffffffffffffffffffffffc,
        0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b,
        0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
        0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5,
        0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551),
    bytes.fromhex("2b81040022"): (  # P-384
        int("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff", 16),
        int("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffc", 16),
        int("b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef", 16),
        int("aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7", 16),
        int("3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f", 16),
        int("ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973", 16)),
    bytes.fromhex("2b81040023"): (  # P-521
        2 ** 521 - 1,
        2 ** 521 - 4,
        int("0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00", 16),
        int("00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66", 16),
        int("011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650", 16),
        int("01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409", 16)),
}
RSA_OID = bytes.fromhex("2a864886f70d010101")
EC_OID = bytes.fromhex("2a8648ce3d0201")


def public_key(certificate):
    """The certificate's key: ("rsa", (n, e)) or ("ec", (curve, (x, y)))."""
    _, s, e = der(certificate, 0)                     # Certificate
    tbs_tag, ts, te = children(certificate, s, e)[0]  # tbsCertificate
    fields = children(certificate, ts, te)
    if fields[0][0] == 0xA0:                          # [0] version
        fields = fields[1:]
    _, ks, ke = fields[5]                             # subjectPublicKeyInfo
    algorithm, bit_string = children(certificate, ks, ke)
    parts = children(certificate, algorithm[1], algorithm[2])
    oid = certificate[parts[0][1]:parts[0][2]]
    key = certificate[bit_string[1] + 1:bit_string[2]]  # skip the unused-bits byte
    if oid == RSA_OID:
        _, rs, re_ = der(key, 0)
        n, e = children(key, rs, re_)
        return "rsa", (int.from_bytes(key[n[1]:n[2]], "big"), int.from_bytes(key[e[1]:e[2]], "big"))
    if oid == EC_OID and len(parts) > 1:
        curve = CURVES.get(certificate[parts[1][1]:parts[1][2]])
        if curve is None:
            fail("the checkpoint certificate's curve is not P-256, P-384 or P-521: check its signature with openssl instead")
        if key[0] != 4:
            fail("the checkpoint certificate's EC point is compressed: check its signature with openssl instead")
        size = (len(key) - 1) // 2
        return "ec", (curve, (int.from_bytes(key[1:1 + size], "big"), int.from_bytes(key[1 + size:], "big")))
    fail("the checkpoint certificate's key is neither RSA nor EC: check its signature with openssl instead")


def rsa_verifies(key, message, signature):
    n, e = key
    k = (n.bit_length() + 7) // 8
    decoded = pow(int.from_bytes(signature, "big"), e, n).to_bytes(k, "big")
    suffix = SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    expected = b"\x00\x01" + b"\xff" * (k - 3 - len(suffix)) + b"\x00" + suffix
    return hmac.compare_digest(decoded, expected)


def ec_add(curve, p1, p2):
    """Affine point addition on y^2 = x^3 + ax + b over GF(p); None is the point at infinity."""
    p, a = curve[0], curve[1]
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    if p1[0] == p2[0] and (p1[1] + p2[1]) % p == 0:
        return None
    if p1 == p2:
        slope = (3 * p1[0] * p1[0] + a) * pow(2 * p1[1], -1, p) % p
    else:
        slope = (p2[1] - p1[1]) * pow(p2[0] - p1[0], -1, p) % p
    x = (slope * slope - p1[0] - p2[0]) % p
    return x, (slope * (p1[0] - x) - p1[1]) % p


def ec_multiply(curve, k, point):
    result = None
    while k:
        if k & 1:
            result = ec_add(curve, result, point)
        point = ec_add(curve, point, point)
        k >>= 1
    return result


def ecdsa_verifies(key, message, signature):
    """ECDSA with SHA-256 (FIPS 186-4, 6.4), the signature a DER SEQUENCE of r and s as .NET writes it."""
    curve, q = key
    p, a, b, gx, gy, n = curve
    if (q[1] * q[1] - (q[0] ** 3 + a * q[0] + b)) % p != 0:
        return False  # not a point on the curve
    try:
        tag, s, e = der(signature, 0)
        (r_tag, rs, re_), (s_tag, ss, se) = children(signature, s, e)
    except (IndexError, ValueError):
        return False
    if tag != 0x30 or r_tag != 0x02 or s_tag != 0x02:
        return False
    r, s_ = int.from_bytes(signature[rs:re_], "big"), int.from_bytes(signature[ss:se], "big")
    if not (0 < r < n and 0 < s_ < n):
        return False
    digest = hashlib.sha256(message).digest()
    z = int.from_bytes(digest, "big")
    if n.bit_length() < len(digest) * 8:
        z >>= len(digest) * 8 - n.bit_length()
    w = pow(s_, -1, n)
    point = ec_add(curve, ec_multiply(curve, z * w % n, (gx, gy)), ec_multiply(curve, r * w % n, q))
    return point is not None and point[0] % n == r


def signature_holds(certificate, message, signature):
    kind, key = public_key(certificate)
    return rsa_verifies(key, message, signature) if kind == "rsa" else ecdsa_verifies(key, message, signature)


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
            if not signature_holds(certificate, signed.encode("utf-8"), base64.b64decode(checkpoint["signature"])):
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
