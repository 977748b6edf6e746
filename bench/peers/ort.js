// bench/peers/ort.js - ONNX Runtime's CPU provider as a benchmark peer.
//
// A server that bench/run.py starts once per benchmark process (node
// bench/peers/ort.js THREADS) and drives with one JSON object per line on
// stdin, answering each with one JSON line on stdout:
//
//   {"op": "load", "model": FILE.onnx,
//    "inputs": [{"name", "file", "dims", "type"}]}
//        creates a session (CPU provider, THREADS intra-op threads, all
//        graph optimizations, sequential execution) and reads the inputs
//        (raw little-endian data); answers {"ok": true, "nodes": [op types
//        of the optimized graph when ORT reports them]} or {"error"}.
//   {"op": "time", "budget": SECONDS, "min": N, "warmup": SECONDS}
//        runs the session: warm-up calls for `warmup` seconds (at least
//        one), then timed calls until both N calls and `budget` seconds;
//        answers {"times": [seconds of each timed call]}.
//   {"op": "outputs", "dir": DIR}
//        writes each output of the last call to DIR/NAME.bin (raw) and
//        answers {"outputs": [{"name", "file", "dims", "type"}]}.
//   {"op": "close"} ends the session.
//
// Each call is `await session.run(feeds)`, as a Node user calls ONNX
// Runtime; the time includes that call's promise.

'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');

let ort;
try {
  ort = require(path.join(__dirname, 'node_modules', 'onnxruntime-node'));
} catch (e) {
  process.stdout.write(JSON.stringify({error: 'cannot load onnxruntime-node: ' +
                                              e.message}) + '\n');
  process.exit(1);
}

const threads = parseInt(process.argv[2] || '1', 10);
const ARRAYS = {
  float32: Float32Array,
  int64: BigInt64Array,
  int32: Int32Array,
};

let session = null;
let feeds = null;
let last = null;

function readTensor(spec) {
  const Ctor = ARRAYS[spec.type];
  if (!Ctor) throw new Error('unsupported input type ' + spec.type);
  const buf = fs.readFileSync(spec.file);
  const data = new Ctor(buf.buffer.slice(buf.byteOffset,
                                         buf.byteOffset + buf.byteLength));
  return new ort.Tensor(spec.type, data, spec.dims);
}

function now() {
  return Number(process.hrtime.bigint()) / 1e9;
}

async function handle(req) {
  switch (req.op) {
  case 'load': {
    if (session) await session.release();
    session = await ort.InferenceSession.create(req.model, {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    feeds = {};
    for (const spec of req.inputs) feeds[spec.name] = readTensor(spec);
    return {ok: true, version: ort.env.versions ? ort.env.versions.common :
                                                  undefined};
  }
  case 'time': {
    if (!session) throw new Error('no session');
    const warmStart = now();
    do {
      last = await session.run(feeds);
    } while (now() - warmStart < req.warmup);
    const times = [];
    const start = now();
    while (times.length < req.min || now() - start < req.budget) {
      const t = now();
      last = await session.run(feeds);
      times.push(now() - t);
      // A call too slow for the budget: stop after 3 calls past 3 budgets.
      if (times.length >= 3 && now() - start >= 3 * req.budget) break;
    }
    return {times};
  }
  case 'outputs': {
    if (!last) throw new Error('no call yet');
    const outs = [];
    for (const name of session.outputNames) {
      const tensor = last[name];
      const file = path.join(req.dir, name.replace(/[^A-Za-z0-9_.-]/g, '_') +
                                          '.bin');
      const d = tensor.data;
      fs.writeFileSync(file, Buffer.from(d.buffer, d.byteOffset,
                                         d.byteLength));
      outs.push({name, file, dims: tensor.dims, type: tensor.type});
    }
    return {outputs: outs};
  }
  case 'close':
    if (session) await session.release();
    session = null;
    return {ok: true};
  default:
    throw new Error('unknown op ' + req.op);
  }
}

const rl = readline.createInterface({input: process.stdin});
let queue = Promise.resolve();
rl.on('line', (line) => {
  queue = queue.then(async () => {
    let reply;
    try {
      reply = await handle(JSON.parse(line));
    } catch (e) {
      reply = {error: String(e && e.message ? e.message : e)};
    }
    process.stdout.write(JSON.stringify(reply) + '\n');
  });
});
rl.on('close', () => {
  queue.then(() => process.exit(0));
});
