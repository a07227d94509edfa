// Load several table bodies in blocks of at most `cellsPerSync` cells per request, several tables per
// sync while they fit: Excel on the web limits the size of a response as well as of a request.
export async function loadBodiesInBlocks(
  context: Excel.RequestContext,
  bodies: readonly Excel.Range[],
  property: "values" | "formulas",
  cellsPerSync: number
): Promise<Excel.Range[][]> {
  const blocks = bodies.map(() => [] as Excel.Range[]);
  let queued = 0;
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i];
    const width = Math.max(1, body.columnCount);
    const perBlock = Math.max(1, Math.floor(cellsPerSync / width));
    for (let top = 0; top < body.rowCount; top += perBlock) {
      const n = Math.min(perBlock, body.rowCount - top);
      if (queued > 0 && queued + n * width > cellsPerSync) {
        await context.sync();
        queued = 0;
      }
      blocks[i].push(
        body
          .getCell(top, 0)
          .getResizedRange(n - 1, width - 1)
          .load(property)
      );
      queued += n * width;
    }
  }
  if (queued > 0) await context.sync();
  return blocks;
}
