// The emulator's memory is bounded by ONE total across all its tenants (`maxRetainedBytes`, 16 MB by default): under
// the vite plugin it lives in the developer's dev server. Many tenants and many requests are driven at it; what it
// says it holds never passes the budget, and the heap (measured after GC) grows by no more than the budget allows.
import assert from 'node:assert/strict';
import { request as httpRequest, Agent } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, it } from 'node:test';
import { createFapiEmulator, startClerkEmulator } from 'clerk-sign-out-elements/testing/node';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const MB = 1024 * 1024;

/** The heap in use after a full collection. */
function heapUsed() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A Frontend API GET as clerk-js sends it, with `fields` query fields of `size` characters each. */
function bigGet(agent, url, fields, size) {
  const query = Array.from({ length: fields }, (_, index) => `f${index}=${String(index % 10).repeat(size)}`).join('&');
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}?${query}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A log entry as big as the log keeps one: values cut at 2 KB, 8 KB of fields, for the query and the body. */
function bigEntry(n) {
  const fields = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`f${index}`, `${n}`.padEnd(2000, 'x')]));
  return {
    endpoint: null,
    method: 'GET',
    httpMethod: 'GET',
    path: '/v1/'.padEnd(2000, 'p'),
    query: fields,
    body: { ...fields },
    device: null,
    status: 404,
    time: n,
  };
}

describe('emulator memory: one bound across all tenants', () => {
  it('keeps at most 16 MB by default, whatever the tenants and requests: the heap grows by no more', () => {
    const before = heapUsed();
    const emulator = createFapiEmulator();
    const tenants = Array.from({ length: 400 }, (_, index) => emulator.tenant(`m${index}`));
    // 400 tenants × 40 requests of about 40 KB each: 640 MB asked for.
    for (let n = 0; n < 16_000; n++) tenants[n % tenants.length].record(bigEntry(n));
    const grown = heapUsed() - before;
    console.log(
      `memory: default budget: holds ${(emulator.retainedBytes / MB).toFixed(1)} MB (estimated), heap grew ${(grown / MB).toFixed(1)} MB`,
    );
    assert.ok(emulator.retainedBytes <= 16 * MB, `holds ${emulator.retainedBytes} bytes`);
    assert.ok(grown <= 16 * MB, `the heap grew by ${(grown / MB).toFixed(1)} MB`);
    // The newest requests are the ones kept, in order; the oldest tenants' logs went first.
    const newest = tenants[(16_000 - 1) % tenants.length].requests();
    assert.equal(newest.at(-1).time, 15_999);
    assert.deepEqual(
      newest.map((entry) => entry.time),
      [...newest.map((entry) => entry.time)].sort((a, b) => a - b),
    );
    assert.equal(tenants[0].requests().length, 0, 'the oldest entries went first');
  });

  it('over HTTP, many tenants and big requests stay within a 2 MB budget, and the heap with them', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const drive = async (running, from, to) => {
      for (let batch = from; batch < to; batch += 8) {
        await Promise.all(
          Array.from({ length: 8 }, (_, index) =>
            bigGet(agent, `${running.url}/__clerk/t/http${(batch + index) % 60}/v1/client`, 6, 2000),
          ),
        );
      }
    };
    const warmUp = await startClerkEmulator({ maxRetainedBytes: 2 * MB }); // JIT, http's own buffers
    await drive(warmUp, 0, 200);
    await warmUp.close();
    agent.destroy();
    const before = heapUsed();
    const running = await startClerkEmulator({ maxRetainedBytes: 2 * MB });
    try {
      await drive(running, 0, 1600);
      const grown = heapUsed() - before;
      console.log(
        `memory: 2 MB budget over HTTP: holds ${(running.emulator.retainedBytes / MB).toFixed(2)} MB, heap grew ${(grown / MB).toFixed(2)} MB`,
      );
      assert.ok(running.emulator.retainedBytes <= 2 * MB, `holds ${running.emulator.retainedBytes} bytes`);
      assert.ok(grown <= 3 * MB, `the heap grew by ${(grown / MB).toFixed(2)} MB`);
      assert.equal(running.emulator.tenantNames().length, 60);
      const last = running.emulator.tenant(`http${(1600 - 1) % 60}`).requests();
      assert.ok(last.length > 0, 'the newest requests are logged');
    } finally {
      agent.destroy();
      await running.close();
    }
  });

  it("counts tenants' state too: a growing tenant pushes out logs, then the least recently used tenants; alone too big, 409", () => {
    const emulator = createFapiEmulator({ maxRetainedBytes: 1 * MB });
    const idle = emulator.tenant('idle');
    idle.createUser({ id: 'user_idle' });
    const growing = emulator.tenant('growing');
    growing.record(bigEntry(1));
    const name = 'n'.repeat(20_000); // about 40 KB a user
    let created = 0;
    const error = (() => {
      try {
        for (;;) {
          growing.createUser({ firstName: name });
          created++;
          assert.ok(emulator.retainedBytes <= 1 * MB);
        }
      } catch (thrown) {
        return thrown;
      }
    })();
    assert.equal(error.status, 409);
    assert.match(error.message, /maxRetainedBytes/);
    assert.ok(created > 10, `${created} users fitted`);
    assert.deepEqual(growing.requests(), [], 'its log went first');
    assert.ok(!emulator.tenantNames().includes('idle'), 'then the idle tenant');
    assert.equal(growing.state().users.length, created, 'nothing half-done');
    growing.reset();
    assert.ok(emulator.retainedBytes < 64 * 1024, `after a reset it holds ${emulator.retainedBytes} bytes`);
  });

  it('a tenant forgotten while a request of its own is in flight does not come back into the account', () => {
    const emulator = createFapiEmulator();
    const old = emulator.tenant('old');
    for (let index = 0; index < 1000; index++) emulator.tenant(`new${index}`);
    assert.ok(!emulator.tenantNames().includes('old'));
    const held = emulator.retainedBytes;
    old.record(bigEntry(1)); // what the request in flight does next
    old.createUser({ firstName: 'n'.repeat(10_000) });
    assert.equal(emulator.retainedBytes, held);
  });

  it('refuses a budget too small to hold a tenant', () => {
    assert.throws(() => createFapiEmulator({ maxRetainedBytes: 1000 }), /maxRetainedBytes/);
    assert.throws(() => createFapiEmulator({ maxRetainedBytes: '16MB' }), /maxRetainedBytes/);
  });
});
