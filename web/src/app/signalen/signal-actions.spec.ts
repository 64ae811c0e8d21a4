import { allowedActions } from './signal-actions';

describe('allowedActions', () => {
  it('lets managers and admins interpret, put on the agenda and dismiss an open signal', () => {
    expect(allowedActions('manager', 'open')).toEqual(['interpret', 'agenda', 'dismiss']);
    expect(allowedActions('admin', 'open')).toEqual(['interpret', 'agenda', 'dismiss']);
  });
  it('lets analysts only dismiss, and council nothing', () => {
    expect(allowedActions('analyst', 'open')).toEqual(['dismiss']);
    expect(allowedActions('council', 'open')).toEqual([]);
  });
  it('offers the next steps only', () => {
    expect(allowedActions('manager', 'interpreted')).toEqual(['agenda', 'dismiss']);
    expect(allowedActions('manager', 'on-agenda')).toEqual(['dismiss']);
    expect(allowedActions('manager', 'dismissed')).toEqual([]);
  });
});
