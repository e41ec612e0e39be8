# Minimal LanChat client for the packet-capture check: TLS, hello, register, group_create, send a canary text.
import socket, ssl, struct, sys

def cbor_head(major, n):
    if n < 24: return bytes([major << 5 | n])
    if n < 256: return bytes([major << 5 | 24, n])
    if n < 65536: return bytes([major << 5 | 25]) + struct.pack('>H', n)
    return bytes([major << 5 | 26]) + struct.pack('>I', n)

def enc(v):
    if isinstance(v, int): return cbor_head(0, v)
    if isinstance(v, bytes): return cbor_head(2, len(v)) + v
    if isinstance(v, str): b = v.encode(); return cbor_head(3, len(b)) + b
    if isinstance(v, dict): return cbor_head(5, len(v)) + b''.join(enc(k) + enc(x) for k, x in v.items())
    raise TypeError(v)

port, text, plaintext = int(sys.argv[1]), sys.argv[2], len(sys.argv) > 3
raw = socket.create_connection(('127.0.0.1', port))
if plaintext:
    s = raw
else:
    ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
    s = ctx.wrap_socket(raw)
def recvn(n):
    b = b''
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c: raise EOFError
        b += c
    return b
def req(m):
    p = enc(m); s.sendall(struct.pack('>I', len(p)) + p)
    while True:  # skip pushes (no id) until the reply
        r = recvn(struct.unpack('>I', recvn(4))[0])
        if b'bid' in r or b'\x62id' in r: return r
print(req({'t': 'hello', 'id': 1, 'protocol': 1, 'client': 'capture'})[:60])
print(req({'t': 'register', 'id': 2, 'username': 'capture', 'password': 'capture-password-1'})[:60])
r = req({'t': 'group_create', 'id': 3, 'name': 'capture room'})
print(r[:80])
# conversation id: look for "id" inside the reply; the first group gets id 1 on a fresh server
print(req({'t': 'send', 'id': 4, 'conversation': 1, 'client_msg_id': b'0123456789abcdef', 'text': text})[:80])
s.close()
