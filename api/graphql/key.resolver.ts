import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createKey, listKeys, revokeKey } from '../store/key.store';
import { StoreInputError } from '../store/errors';
import { requireRole } from './auth';
import type { Context } from './context';
import { ApiKey, CreatedApiKey, RoleName } from './key.type';
import { write } from './write';

@Resolver()
export class KeyResolver {
  @Query(() => [ApiKey], { description: 'Every key, revoked ones included. Admin.' })
  apiKeys(@Ctx() ctx: Context) {
    requireRole(ctx, 'admin');
    return listKeys(ctx.db);
  }

  @Mutation(() => CreatedApiKey, { description: 'Admin.' })
  createApiKey(@Arg('name') name: string, @Arg('role', () => RoleName) role: RoleName, @Ctx() ctx: Context) {
    return write(ctx, 'admin', (db) => createKey(db, { name, role }));
  }

  @Mutation(() => ApiKey, { description: 'The key stops working at once. Admin.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return write(ctx, 'admin', async (db) => {
      const key = await revokeKey(db, { id });
      if (!key) throw new StoreInputError(['id'], 'no live key with this id', 'not_found');
      return key;
    });
  }
}
