import { Module } from '@nestjs/common';
import { DisclosureRepository } from './disclosure.repository';
import { DisclosureService } from './disclosure.service';

/** Disclosure control (issue 9): the one stored suppression pattern every restricted answer uses. */
@Module({ providers: [DisclosureRepository, DisclosureService], exports: [DisclosureService] })
export class DisclosureModule {}
