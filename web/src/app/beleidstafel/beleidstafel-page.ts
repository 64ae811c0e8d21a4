import { Component } from '@angular/core';
@Component({ selector: 'app-x', template: '' })
export class BeleidstafelPage {}
