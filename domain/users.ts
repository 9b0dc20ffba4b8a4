import { z } from 'zod';
import { ZEmailSchema, ZPasswordSchema, ZPersonNameSchema, ZRoleSchema } from './auth';

export const userStatuses = ['active', 'invited', 'deactivated'] as const;

export const ZTeamMemberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRoleSchema,
  status: z.enum(userStatuses),
  createdAt: z.string(),
});
export type TTeamMember = z.infer<typeof ZTeamMemberSchema>;

export const ZInviteUserSchema = z.object({
  email: ZEmailSchema,
  name: ZPersonNameSchema,
  role: ZRoleSchema.default('agent'),
});
export type TInviteUser = z.infer<typeof ZInviteUserSchema>;

/** The invite link is shown once to the admin who created it; only its hash is stored. */
export const ZInviteUserResponseSchema = z.object({
  user: ZTeamMemberSchema,
  inviteToken: z.string(),
  inviteUrl: z.string(),
  /** false when the mail server refused or could not be reached: the invitation exists, pass the link on. */
  emailSent: z.boolean(),
});
export type TInviteUserResponse = z.infer<typeof ZInviteUserResponseSchema>;

export const ZAcceptInviteSchema = z.object({
  token: z.string().min(20).max(200),
  password: ZPasswordSchema,
});
export type TAcceptInvite = z.infer<typeof ZAcceptInviteSchema>;

export const ZInvitationLookupSchema = z.object({ token: z.string().min(20).max(200) });

/** What the invite page may show its visitor, and nothing more. */
export const ZInvitationSchema = z.object({
  workspaceName: z.string(),
  inviterName: z.string().nullable(),
  role: ZRoleSchema,
  email: z.string(),
});
export type TInvitation = z.infer<typeof ZInvitationSchema>;

export const ZUpdateUserSchema = z
  .object({
    role: ZRoleSchema.optional(),
    status: z.enum(['active', 'deactivated']).optional(),
  })
  .refine((v) => v.role !== undefined || v.status !== undefined, { message: 'give role or status' })
  .meta({ anyOf: [{ required: ['role'] }, { required: ['status'] }] });
export type TUpdateUser = z.infer<typeof ZUpdateUserSchema>;

export const ZIdParamSchema = z.object({ id: z.uuid('must be a UUID') });

/** Who a conversation can be assigned to: active teammates, readable by every member. */
export const ZAssignableMemberSchema = z.object({ id: z.uuid(), name: z.string(), role: ZRoleSchema });
export type TAssignableMember = z.infer<typeof ZAssignableMemberSchema>;
