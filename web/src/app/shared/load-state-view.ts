import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { apiMessage, isNotAvailable } from '../core/http/api-error';
import { LoadState } from '../core/http/load-state';
import { TPipe } from '../core/i18n/t.pipe';

/** Shows the loading and error states of a request; the page renders the data itself. */
@Component({
  selector: 'app-load-state-view',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state().status) {
      @case ('loading') {
        <p class="state" role="status">{{ 'state.loading' | t }}</p>
      }
      @case ('error') {
        <div class="state state-error" role="alert">
          @if (notAvailable()) {
            <p>{{ 'state.notAvailable' | t }}</p>
          } @else if (message()) {
            <p>{{ 'state.error' | t: { message: message()! } }}</p>
          } @else {
            <p>{{ 'state.errorGeneric' | t }}</p>
          }
        </div>
      }
    }
  `,
})
export class LoadStateView {
  readonly state = input.required<LoadState<unknown>>();
  protected readonly error = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.error : null;
  });
  protected readonly notAvailable = computed(() => isNotAvailable(this.error()));
  protected readonly message = computed(() => apiMessage(this.error()));
}
