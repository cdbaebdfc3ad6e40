import type {
  AnyChannelAdapter,
  ChangeOutcome,
  Progress,
  RemoteRef,
  PublishOutcome,
  ReconcileOutcome,
} from '../channels/adapter.ts';
import type { ChannelPost } from '../channels/channelPost.ts';

/**
 * The union of adapters meets the union of posts here: each adapter gets its own channel's
 * post, checked, without casts. A post of another channel is a defect (the caller checks the
 * channels match before it sends anything).
 */
export function publishWith(
  adapter: AnyChannelAdapter,
  post: ChannelPost,
  progress: Progress,
): Promise<PublishOutcome> {
  switch (adapter.channel) {
    case 'portal':
      if (post.channel === 'portal') return adapter.publish(post, progress);
      break;
    case 'wechat':
      if (post.channel === 'wechat') return adapter.publish(post, progress);
      break;
    case 'weibo':
      if (post.channel === 'weibo') return adapter.publish(post, progress);
      break;
    case 'mastodon':
      if (post.channel === 'mastodon') return adapter.publish(post, progress);
      break;
    case 'appfeed':
      if (post.channel === 'appfeed') return adapter.publish(post, progress);
      break;
    default: {
      const never: never = adapter;
      throw new Error(`No such adapter ${JSON.stringify(never)}`);
    }
  }
  throw mismatch(adapter, post);
}

export function reconcileWith(
  adapter: AnyChannelAdapter,
  post: ChannelPost,
  progress: Progress,
): Promise<ReconcileOutcome> {
  switch (adapter.channel) {
    case 'portal':
      if (post.channel === 'portal') return adapter.reconcile(post, progress);
      break;
    case 'wechat':
      if (post.channel === 'wechat') return adapter.reconcile(post, progress);
      break;
    case 'weibo':
      if (post.channel === 'weibo') return adapter.reconcile(post, progress);
      break;
    case 'mastodon':
      if (post.channel === 'mastodon') return adapter.reconcile(post, progress);
      break;
    case 'appfeed':
      if (post.channel === 'appfeed') return adapter.reconcile(post, progress);
      break;
    default: {
      const never: never = adapter;
      throw new Error(`No such adapter ${JSON.stringify(never)}`);
    }
  }
  throw mismatch(adapter, post);
}

function mismatch(adapter: AnyChannelAdapter, post: ChannelPost): Error {
  return new Error(`A ${post.channel} post was given to the ${adapter.channel} adapter.`);
}

/** adapter.update with its own channel's post (see publishWith). */
export function updateWith(
  adapter: AnyChannelAdapter,
  remote: RemoteRef,
  post: ChannelPost,
): Promise<ChangeOutcome> {
  switch (adapter.channel) {
    case 'portal':
      if (post.channel === 'portal') return adapter.update(remote, post);
      break;
    case 'wechat':
      if (post.channel === 'wechat') return adapter.update(remote, post);
      break;
    case 'weibo':
      if (post.channel === 'weibo') return adapter.update(remote, post);
      break;
    case 'mastodon':
      if (post.channel === 'mastodon') return adapter.update(remote, post);
      break;
    case 'appfeed':
      if (post.channel === 'appfeed') return adapter.update(remote, post);
      break;
    default: {
      const never: never = adapter;
      throw new Error(`No such adapter ${JSON.stringify(never)}`);
    }
  }
  throw mismatch(adapter, post);
}
