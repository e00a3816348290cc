/** Sourced figures for a certificate-exchange scenario (see /DESIGN notes; cite them in scenario files). */
export const EPHYTO_FIGURES = {
  /** IPPC ePhyto Hub stated capacity. Source: Miller Magazine, Jul 2021. */
  hubCapacityPerDay: { value: 100_000, source: 'Miller Magazine, Jul 2021' },
  /** Certificates exchanged through the Hub each month in 2021. Source: Miller Magazine, Jul 2021. */
  hubCertificatesPerMonth2021: { value: 80_000, source: 'Miller Magazine, Jul 2021' },
  /** Countries registered with the Hub (May 2021), 32 of them through GeNS. Source: Miller Magazine, Jul 2021. */
  hubCountries2021: { value: 95, source: 'Miller Magazine, Jul 2021' },
  /** Phytosanitary certificates issued worldwide each year (an estimate). Source: UNICC 2017. */
  worldwidePerYear: { low: 10_000_000, high: 15_000_000, source: 'UNICC 2017 (estimate)' },
} as const;
