// Runs the original TF.js graph of @vladmandic/human's emotion model on fixed 64x64 grey
// inputs and prints {inputs, outputs} as JSON: the reference the ONNX import is tested against
// (demos' TfjsEmotionFidelityTest). Usage: node reference.js <dir with emotion.json + emotion.bin>
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const tf = require('@tensorflow/tfjs');

const SIZE = 64;

/** An 8-bit greyscale, non-interlaced PNG (as face.png is written) as its pixel values. */
function greyPng(file) {
  const png = fs.readFileSync(file);
  const chunks = [];
  let width = 0;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      if (data[8] !== 8 || data[9] !== 0 || data[12] !== 0) throw new Error(file + ' is not an 8-bit grey PNG');
    }
    if (type === 'IDAT') chunks.push(data);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  const pixels = [];
  let previous = new Array(width).fill(0);
  for (let row = 0; row * (width + 1) < raw.length; row++) {
    const filter = raw[row * (width + 1)];
    const line = [];
    for (let x = 0; x < width; x++) {
      const value = raw[row * (width + 1) + 1 + x];
      const left = x > 0 ? line[x - 1] : 0;
      const up = previous[x];
      const upLeft = x > 0 ? previous[x - 1] : 0;
      line.push((value + [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]) & 255);
    }
    pixels.push(...line);
    previous = line;
  }
  return pixels;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function inputs() {
  const ramp = [], checkerboard = [];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      ramp.push(Math.round((x + y) * 255 / (2 * (SIZE - 1))));
      checkerboard.push(((x >> 3) + (y >> 3)) % 2 === 0 ? 0 : 255);
    }
  }
  return [
    {name: 'ramp', pixels: ramp},
    {name: 'checkerboard', pixels: checkerboard},
    {name: 'astronaut_face', pixels: greyPng(path.join(__dirname, 'face.png'))},
  ];
}

async function load(dir) {
  const model = JSON.parse(fs.readFileSync(path.join(dir, 'emotion.json'), 'utf8'));
  const specs = [], buffers = [];
  for (const group of model.weightsManifest) {
    specs.push(...group.weights);
    for (const file of group.paths) buffers.push(fs.readFileSync(path.join(dir, file)));
  }
  const weights = Buffer.concat(buffers);
  return tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: model.modelTopology,
    format: model.format,
    weightSpecs: specs,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
  }));
}

async function main() {
  await tf.setBackend('cpu');
  const graph = await load(process.argv[2]);
  const cases = inputs();
  const outputs = cases.map(c => {
    // the model's own pre-processing: (g / 255 - 0.5) * 2
    const x = tf.tensor4d(c.pixels.map(g => (g / 255 - 0.5) * 2), [1, SIZE, SIZE, 1]);
    return Array.from(graph.execute(x).dataSync());
  });
  const versions = {tfjs: tf.version.tfjs, backend: tf.getBackend()};
  process.stdout.write(JSON.stringify({made_with: versions, inputs: cases, outputs}) + '\n');
}

main().catch(e => { console.error(e); process.exit(1); });
