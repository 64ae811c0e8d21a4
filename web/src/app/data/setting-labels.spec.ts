import { settingGroupLabel, settingLabel, spellOut } from './setting-labels';
import { flattenSettings } from './settings-form';

describe('names for the signal settings', () => {
  it('names a setting and its rule in both languages', () => {
    expect(settingLabel('peerOutlier.coverage', 'nl')).toBe('Betrouwbaarheid van de grenzen');
    expect(settingLabel('peerOutlier.coverage', 'en')).toBe('Coverage of the limits');
    expect(settingGroupLabel('risingTrend.alpha', 'nl')).toBe('Stijgende trend');
    expect(settingGroupLabel('monitoring.effectAlpha', 'en')).toBe('Follow-up of decisions');
  });

  it('spells out an unknown key in words instead of showing it raw', () => {
    expect(spellOut('newRule')).toBe('new rule');
    expect(settingLabel('newRule.maxThingCount', 'en')).toBe('Max thing count');
    expect(settingGroupLabel('newRule.x', 'nl')).toBe('new rule');
  });

  it('never returns a dotted or camelCase key for any path of a full settings object', () => {
    const fields = flattenSettings({ peerOutlier: { enabled: true, coverage: 0.998, futureKnob: 3 }, severity: { strongQ: 0.01 } });
    for (const f of fields) {
      for (const text of [settingLabel(f.path, 'nl'), settingLabel(f.path, 'en'), settingGroupLabel(f.path, 'nl')]) {
        expect(text).not.toMatch(/\w\.\w\w|[a-z][A-Z]/);
      }
    }
  });
});
