import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { reachSignStep } from './sign-step';

interface Stroke {
  pointerType: 'pen' | 'mouse' | 'touch';
  pressure: number;
  /** CSS pixels from the pad's top. */
  y: number;
}

/**
 * Draws horizontal strokes on the first signature pad with real PointerEvents (a pen, a mouse, a finger),
 * at a steady pace, and returns each stroke's ink thickness in bitmap pixels, measured across its middle.
 */
async function strokeThickness(page: Page, strokes: Stroke[]): Promise<number[]> {
  return page.locator('canvas.signature-pad').first().evaluate(async (canvas: HTMLCanvasElement, list: Stroke[]) => {
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    const fire = (type: string, s: Stroke, x: number, buttons: number): void => {
      // Read every time: the field's layout may shift once a signature is accepted (the save offer appears).
      const rect = canvas.getBoundingClientRect();
      canvas.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          cancelable: true,
          composed: true,
          pointerId: 11,
          pointerType: s.pointerType,
          isPrimary: true,
          clientX: rect.left + x,
          clientY: rect.top + s.y,
          pressure: buttons ? s.pressure : 0,
          buttons,
          button: type === 'pointermove' ? -1 : 0,
        }),
      );
    };
    for (const s of list) {
      fire('pointerdown', s, 40, 1);
      for (let x = 50; x <= 380; x += 10) {
        await sleep(20);
        fire('pointermove', s, x, 1);
      }
      fire('pointerup', s, 380, 0);
      await sleep(30);
    }
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const column = Math.round(210 * scale);
    return list.map((s) => {
      const top = Math.round((s.y - 14) * scale);
      const rows = ctx.getImageData(column, top, 1, Math.round(28 * scale)).data;
      let inked = 0;
      for (let i = 3; i < rows.length; i += 4) if ((rows[i] as number) > 128) inked++;
      return inked;
    });
  }, strokes);
}

test('a pen’s pressure sets the stroke width, while mouse and touch strokes keep the normal width', async ({ page, server }) => {
  await reachSignStep(page, server.url);
  const before = await page.locator('canvas.signature-pad').first().boundingBox();
  const [light, firm, mouse, touch] = await strokeThickness(page, [
    { pointerType: 'pen', pressure: 0.1, y: 25 },
    { pointerType: 'pen', pressure: 0.95, y: 55 },
    { pointerType: 'mouse', pressure: 0.5, y: 85 },
    { pointerType: 'touch', pressure: 0.5, y: 115 },
  ]);
  test.info().annotations.push({ type: 'thickness (bitmap px)', description: JSON.stringify({ light, firm, mouse, touch }) });
  for (const t of [light, firm, mouse, touch]) expect(t).toBeGreaterThan(0);
  expect(firm).toBeGreaterThan(2 * (light as number));
  expect(light).toBeLessThan(mouse as number);
  expect(firm).toBeGreaterThan(mouse as number);
  // Mouse and touch ignore pressure: the same width within the jitter of the pace.
  expect(Math.abs((mouse as number) - (touch as number))).toBeLessThanOrEqual(Math.ceil(0.35 * (mouse as number)));
  // The four strokes make an acceptable signature: no "too small / too simple" refusal.
  await expect(page.getByTestId('drawing-problem')).toHaveCount(0);
  // Accepting the signature offers to save it below the pad: the pad itself never moved under the pen.
  await expect(page.locator('.signature-input').first()).toContainText('保存为常用签署人后');
  expect(await page.locator('canvas.signature-pad').first().boundingBox()).toEqual(before);
});
