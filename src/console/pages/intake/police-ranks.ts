/**
 * Polri ranks as releases write them, lowest to highest (Perkap 3/2016 on ranks), offered in the
 * achievement form's rank fields; anything else may still be typed (civil servants' grades).
 */
export const POLICE_RANKS: readonly string[] = [
  'Bharada', 'Bharatu', 'Bharaka', 'Bripda', 'Briptu', 'Brigpol', 'Bripka', 'Aipda', 'Aiptu',
  'Ipda', 'Iptu', 'AKP', 'Kompol', 'AKBP', 'Kombes Pol', 'Brigjen Pol', 'Irjen Pol', 'Komjen Pol', 'Jenderal Pol',
];
