#!/usr/bin/env python3
"""Sends `hello` to a LanChat server over TLS and prints its `welcome` as JSON (docs/protocol.md).

Usage: scripts/lanchat-hello.py HOST PORT
Exit code 0 when the reply is a `welcome` for protocol 1, 1 otherwise. scripts/package-check.sh uses it to
see that an installed server answers; it needs nothing but Python's standard library.
"""
import json
import socket
import ssl
import struct
import sys


def cbor_head(major, n):
    if n < 24:
        return bytes([major << 5 | n])
    if n < 256:
        return bytes([major << 5 | 24, n])
    if n < 65536:
        return bytes([major << 5 | 25]) + struct.pack('>H', n)
    return bytes([major << 5 | 26]) + struct.pack('>I', n)


def encode(value):
    if isinstance(value, int):
        return cbor_head(0, value)
    if isinstance(value, str):
        data = value.encode()
        return cbor_head(3, len(data)) + data
    if isinstance(value, dict):
        return cbor_head(5, len(value)) + b''.join(encode(k) + encode(v) for k, v in value.items())
    raise TypeError(value)


def decode(data, pos=0):
    """Decodes the definite-length CBOR the server sends; returns (value, next position)."""
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        n = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        n = int.from_bytes(data[pos:pos + size], 'big')
        pos += size
    if major == 0:
        return n, pos
    if major == 1:
        return -1 - n, pos
    if major == 2:
        return data[pos:pos + n].hex(), pos + n
    if major == 3:
        return data[pos:pos + n].decode(), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        result = {}
        for _ in range(n):
            key, pos = decode(data, pos)
            result[key], pos = decode(data, pos)
        return result, pos
    if major == 7:
        return {20: False, 21: True, 22: None}.get(info, n), pos
    raise ValueError('unexpected CBOR major type %d' % major)


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    context = ssl.create_default_context()
    # The server's certificate is self-signed; clients pin its fingerprint instead (docs/admin.md section 5).
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port), timeout=30) as raw, context.wrap_socket(raw) as tls:
        payload = encode({'t': 'hello', 'id': 1, 'protocol': 1, 'client': 'package-check'})
        tls.sendall(struct.pack('>I', len(payload)) + payload)
        buffer = b''
        while True:
            if len(buffer) >= 4:
                length = struct.unpack('>I', buffer[:4])[0]
                if len(buffer) >= 4 + length:
                    break
            chunk = tls.recv(65536)
            if not chunk:
                raise EOFError('the server closed the connection before it answered')
            buffer += chunk
        reply, _ = decode(buffer[4:4 + length])
    print(json.dumps(reply, ensure_ascii=False, sort_keys=True))
    return 0 if reply.get('t') == 'welcome' and reply.get('protocol') == 1 else 1


if __name__ == '__main__':
    sys.exit(main())
