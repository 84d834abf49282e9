/**
 * The shapes the filtered sections take in the wild besides the documented one (docs/UPSTREAM.md,
 * "Drift"), so that every spelling the panels accept is reachable from a demo sample.
 */
import type { Diagnostics } from './diagnostics';

/** The corrected spellings newer SDKs send: throughput, effective_network_type, WebGL as a flag. */
export function correctedSpellings(d: Diagnostics): Diagnostics {
  const { device_info, precall_network_information: precall } = d.peer_stats;
  if (!device_info || !precall) return d;
  const { throughtput, effective_networktype, ...rest } = precall;
  return {
    ...d,
    peer_stats: {
      ...d.peer_stats,
      device_info: { ...device_info, webgl_support: device_info.webgl_support !== 'none' },
      precall_network_information: {
        ...rest,
        throughput: throughtput,
        effective_network_type: effective_networktype,
      },
    },
  };
}

/** Values seen in the wild that are not what the field promises: flagged one by one. */
export const ODD_FIELDS = {
  device_info: { is_mobile: 'yes', cpus: 'eight' },
  ip_information: { country: 42 },
  precall_network_information: { rtt: 'fast', relay_connectivity: 'maybe' },
} as const;

/**
 * Counters no network produces (loss above 100 %, negative packets lost, a score above 5):
 * what a reporting bug looks like, so the page can say it is not the participant's network.
 */
export function withImpossibleCounters(d: Diagnostics): Diagnostics {
  const entries = Array.isArray(d.quality_stats) ? d.quality_stats : [d.quality_stats];
  return {
    ...d,
    quality_stats: entries.map((entry) => ({
      ...entry,
      audio_packet_loss: 180,
      audio_stats: entry.audio_stats?.map((sample, i) =>
        i % 4 === 0 ? { ...sample, packets_lost: -3, quality: 7.5 } : sample,
      ),
    })),
  };
}
