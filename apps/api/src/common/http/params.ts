import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Route parameter `:id` as a UUID: anything else is a 400 naming `id`, never a database error. */
export class IdParamDto extends createZodDto(z.object({ id: z.uuid() })) {}
