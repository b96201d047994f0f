/**
 * The programme's news items and the messages the public sends: administrators write and
 * publish news and handle the messages; anyone reads published news.
 */
import { allow } from '../policy.ts';

allow('admin', ['create', 'update', 'publish'], 'news-item', 'administrators: the programme’s news and press releases');
allow('admin', ['read', 'handle'], 'contact-message', 'administrators: contact and media messages sent through the site');
