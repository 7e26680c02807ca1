#!/usr/bin/env python3
# Peak RSS of `careersite lsp` on a site (issue 25: memory within that of
# serve): initialize, open a page, wait for its diagnostics, then type N
# keystrokes into its body, each awaited. Usage: lspmem.py BINARY SITE N
import json, subprocess, sys, os, time, glob
binary, site, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
p = subprocess.Popen([binary, 'lsp', '--source', site], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(msg):
    b = json.dumps(msg).encode()
    p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b); p.stdin.flush()
def recv():
    hdr = b''
    while not hdr.endswith(b'\r\n\r\n'):
        c = p.stdout.read(1)
        if not c: raise SystemExit('closed')
        hdr += c
    ln = int([l for l in hdr.split(b'\r\n') if l.lower().startswith(b'content-length')][0].split(b':')[1])
    return json.loads(p.stdout.read(ln))
def wait_diag(uri, version):
    while True:
        m = recv()
        if m.get('method') == 'textDocument/publishDiagnostics' and m['params']['uri'] == uri and m['params'].get('version', 0) >= version:
            return m
        if 'id' in m and 'method' in m:  # a request from the server
            send({'jsonrpc': '2.0', 'id': m['id'], 'result': None})
def hwm():
    for l in open('/proc/%d/status' % p.pid):
        if l.startswith('VmHWM'): return int(l.split()[1]) // 1024
t0 = time.time()
root = 'file://' + os.path.abspath(site)
send({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize', 'params': {'processId': None, 'rootUri': root, 'capabilities': {}}})
while 'id' not in (m := recv()) or m.get('id') != 1: pass
send({'jsonrpc': '2.0', 'method': 'initialized', 'params': {}})
page = sorted(glob.glob(os.path.join(site, 'content/*/*.md')))[5]
uri = 'file://' + os.path.abspath(page); text = open(page).read()
send({'jsonrpc': '2.0', 'method': 'textDocument/didOpen', 'params': {'textDocument': {'uri': uri, 'languageId': 'markdown', 'version': 1, 'text': text}}})
wait_diag(uri, 1)
print('ready %.1f s, peak RSS %d MiB' % (time.time() - t0, hwm()))
for i in range(n):
    v = i + 2
    send({'jsonrpc': '2.0', 'method': 'textDocument/didChange', 'params': {'textDocument': {'uri': uri, 'version': v}, 'contentChanges': [{'text': text + 'A keystroke.' * (i % 2 + 1) + '\n'}]}})
    wait_diag(uri, v)
print('after %d keystrokes: peak RSS %d MiB' % (n, hwm()))
send({'jsonrpc': '2.0', 'id': 2, 'method': 'shutdown'}); send({'jsonrpc': '2.0', 'method': 'exit'})
p.wait(timeout=30)
