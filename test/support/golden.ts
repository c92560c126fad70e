/** `UPDATE_GOLDEN=1 npm test` rewrites golden files instead of comparing with them. */
export const updateGolden = () => process.env.UPDATE_GOLDEN === '1';
