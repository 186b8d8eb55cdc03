// The walking skeleton: the release bundle loads, the engine runs in wasm and renders.
export const tests = [
  {
    name: 'playground loads and renders the default scenario',
    async run({ page, base, screenshot }) {
      await page.goto(base);
      await page.getByRole('heading', { name: 'ECS Playground' }).waitFor({ timeout: 20000 });
      const instances = page.locator('[data-testid="instance"]');
      await instances.first().waitFor();
      const n = await instances.count();
      if (n < 1) throw new Error(`expected container instances on the page, found ${n}`);
      await screenshot('skeleton');
    },
  },
];
