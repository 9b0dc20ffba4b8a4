/**
 * Writes web/public/favicon.ico from web/public/favicon.svg: Chromium renders the SVG at 16, 32 and
 * 48 px, and the PNGs go into one ICO container (PNG entries, which every current browser reads).
 * Run after changing the SVG: `npx tsx scripts/make-favicon-ico.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48];
const publicDir = join(__dirname, '..', 'web', 'public');

async function renderPngs(svg: string): Promise<Buffer[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const pngs: Buffer[] = [];
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
      pngs.push(await page.screenshot({ omitBackground: true }));
      await page.close();
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** ICONDIR, one ICONDIRENTRY per image, then the images. */
function icoOf(pngs: Buffer[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(SIZES[i] % 256, entry);
    header.writeUInt8(SIZES[i] % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}

async function main(): Promise<void> {
  const svg = await readFile(join(publicDir, 'favicon.svg'), 'utf8');
  await writeFile(join(publicDir, 'favicon.ico'), icoOf(await renderPngs(svg)));
}

void main();
