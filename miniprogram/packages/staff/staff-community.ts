/** The community a staff page works in: the page's query, else the first community the user staffs. */
import { me } from '../../services/user';

export async function staffCommunityId(fromQuery: string | undefined): Promise<string> {
  if (fromQuery) return fromQuery;
  const user = await me();
  const grant = user.roles.find((g) => g.role === 'staff' || g.role === 'secretary');
  return grant?.communityId ?? '';
}
